package dev.inlet.rest.paginate;

import dev.inlet.core.Position;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.internal.Urls;
import java.util.Optional;

/** A cursor from a response header ({@code X-Next-Cursor}), sent back as a query parameter. */
final class HeaderCursorPaginator implements Paginator {

    private final String header;
    private final String param;

    HeaderCursorPaginator(String header, String param) {
        this.header = Paginators.requireName(header, "cursor header");
        this.param = Paginators.requireName(param, "cursor parameter");
    }

    @Override
    public Request apply(Request first, Position position) {
        return position.token()
                .map(cursor -> first.toBuilder().uri(Urls.withQueryParameter(first.uri(), param, cursor)).build())
                .orElse(first);
    }

    @Override
    public Optional<String> nextToken(PageFacts page) {
        return page.response().headers().first(header).map(String::trim).filter(s -> !s.isEmpty());
    }

    @Override
    public boolean nextTokenFromHead() {
        return true;
    }

    @Override
    public String toString() {
        return "headerCursor(" + header + " -> " + param + ")";
    }
}
