package dev.inlet.rest.paginate;

import dev.inlet.core.Position;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.internal.Urls;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Stripe style: the next page starts after the last record's id ({@code starting_after=<id>}), and
 * {@code has_more: false} (or null) ends; an absent flag is an error unless the endpoint declares
 * {@code absentMeansEnd()}. Without a has-more pointer, an empty page ends.
 */
final class LastRecordCursorPaginator implements Paginator {

    private final String param;
    private final String idPointer;
    private final String hasMorePointer;

    LastRecordCursorPaginator(String param, String idPointer, String hasMorePointer) {
        this.param = Paginators.requireName(param, "cursor parameter");
        this.idPointer = Paginators.requirePointer(idPointer);
        this.hasMorePointer = hasMorePointer == null ? null : Paginators.requirePointer(hasMorePointer);
    }

    @Override
    public Request apply(Request first, Position position) {
        return position.token()
                .map(id -> first.toBuilder().uri(Urls.withQueryParameter(first.uri(), param, id)).build())
                .orElse(first);
    }

    @Override
    public Optional<String> nextToken(PageFacts page) {
        if (hasMorePointer != null) {
            Optional<JsonNode> hasMore = page.pagingField(hasMorePointer, "the has-more flag of " + this);
            if (hasMore.isEmpty() || !hasMore.get().asBoolean(false)) {
                return Optional.empty();
            }
        }
        return page.lastRecord().map(r -> r.at(idPointer)).filter(JsonNode::isValueNode).map(JsonNode::asString)
                .filter(s -> !s.isEmpty());
    }

    @Override
    public boolean needsLastRecord() {
        return true;
    }

    @Override
    public String toString() {
        return "lastRecordCursor(" + idPointer + " -> " + param + (hasMorePointer == null ? "" : ", while "
                + hasMorePointer) + ")";
    }
}
