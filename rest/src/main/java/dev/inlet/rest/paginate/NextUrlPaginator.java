package dev.inlet.rest.paginate;

import dev.inlet.core.error.PaginationException;
import dev.inlet.core.Position;
import dev.inlet.core.http.Request;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The next page's URL inside the body ({@code next}, {@code @odata.nextLink}); may be relative. A null
 * or empty link ends; an absent one is an error unless the endpoint declares {@code absentMeansEnd()}.
 */
final class NextUrlPaginator implements Paginator {

    private final String pointer;

    NextUrlPaginator(String pointer) {
        this.pointer = Paginators.requirePointer(pointer);
    }

    @Override
    public Request apply(Request first, Position position) {
        return position.token().map(url -> first.toBuilder().uri(Paginators.parseUrl(url, position)).build())
                .orElse(first);
    }

    @Override
    public Optional<String> nextToken(PageFacts page) {
        return page.pagingField(pointer, "the next link of " + this).filter(JsonNode::isString).map(JsonNode::asString).map(String::trim)
                .filter(s -> !s.isEmpty()).map(s -> {
                    try {
                        return page.request().uri().resolve(s).toString();
                    } catch (IllegalArgumentException e) {
                        throw new PaginationException("The next URL at " + pointer + " in the body of "
                                + page.response().redactedUri() + " is not a valid URL",
                                "Check the next-link pointer");
                    }
                });
    }

    @Override
    public boolean tokensAreUrls() {
        return true;
    }

    @Override
    public String toString() {
        return "nextUrl(" + pointer + ")";
    }
}
