package dev.inlet.rest.paginate;

import dev.inlet.core.error.PaginationException;
import dev.inlet.core.Position;
import dev.inlet.core.http.Request;
import java.net.URI;
import java.util.Optional;
import dev.inlet.rest.internal.LinkHeader;

/** GitHub style: the next page is the {@code Link} header's {@code rel="next"} target (RFC 8288). */
final class LinkHeaderPaginator implements Paginator {

    private final String rel;

    LinkHeaderPaginator(String rel) {
        this.rel = Paginators.requireName(rel, "link relation");
    }

    @Override
    public Request apply(Request first, Position position) {
        return position.token().map(url -> first.toBuilder().uri(Paginators.parseUrl(url, position)).build())
                .orElse(first);
    }

    @Override
    public Optional<String> nextToken(PageFacts page) {
        Optional<String> target;
        try {
            target = LinkHeader.find(page.response().headers().all("Link"), rel);
        } catch (IllegalArgumentException e) {
            throw new PaginationException("Cannot read the Link header of " + page.response().redactedUri() + ": "
                    + e.getMessage(), "The server's Link header does not follow RFC 8288");
        }
        return target.map(t -> resolve(page.request().uri(), t, page));
    }

    private static String resolve(URI base, String target, PageFacts page) {
        try {
            return base.resolve(target.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new PaginationException("The next link of " + page.response().redactedUri()
                    + " is not a valid URL", "Check the server's Link header");
        }
    }

    @Override
    public boolean tokensAreUrls() {
        return true;
    }

    @Override
    public boolean nextTokenFromHead() {
        return true;
    }

    @Override
    public String toString() {
        return "linkHeader(rel=" + rel + ")";
    }
}
