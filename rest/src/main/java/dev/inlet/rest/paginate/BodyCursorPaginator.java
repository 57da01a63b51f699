package dev.inlet.rest.paginate;

import dev.inlet.core.Position;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.internal.Urls;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A cursor found in the body, sent back as a query parameter (HubSpot {@code paging.next.after} →
 * {@code after}). A null or empty cursor ends; an absent one is an error unless the endpoint declares
 * {@code absentMeansEnd()} (see {@link PageFacts#pagingField}).
 */
final class BodyCursorPaginator implements Paginator {

    private final String param;
    private final String cursorPointer;

    BodyCursorPaginator(String param, String cursorPointer) {
        this.param = Paginators.requireName(param, "cursor parameter");
        this.cursorPointer = Paginators.requirePointer(cursorPointer);
    }

    @Override
    public Request apply(Request first, Position position) {
        return position.token()
                .map(cursor -> first.toBuilder().uri(Urls.withQueryParameter(first.uri(), param, cursor)).build())
                .orElse(first);
    }

    @Override
    public Optional<String> nextToken(PageFacts page) {
        return page.pagingField(cursorPointer, "the cursor of " + this).filter(JsonNode::isValueNode).map(JsonNode::asString)
                .filter(s -> !s.isEmpty());
    }

    @Override
    public String toString() {
        return "bodyCursor(" + cursorPointer + " -> " + param + ")";
    }
}
