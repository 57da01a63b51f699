package dev.inlet.rest;

import dev.inlet.core.ResponseInfo;
import dev.inlet.rest.internal.LinkHeader;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Obvious signs in a response that more pages follow, for connectors configured without a paginator
 * (which read one page and stop): a {@code Link} header with {@code rel="next"}, a true has-more flag,
 * or a non-empty next cursor, token or link in the body. A connector that sees one logs a WARN once.
 */
final class PagingSignals {

    private static final List<String> FLAGS = List.of("/has_more", "/hasMore", "/has_next", "/hasNext",
            "/more");

    private static final List<String> NEXT = List.of("/next", "/next_page", "/nextPage", "/nextPageToken",
            "/next_page_token", "/next_cursor", "/nextCursor", "/next_url", "/nextUrl", "/nextLink",
            "/@odata.nextLink", "/links/next", "/paging/next", "/pagination/next", "/meta/next",
            "/meta/next_cursor");

    private PagingSignals() {
    }

    /** The first sign that another page follows, described for a message; empty if none. */
    static Optional<String> find(ResponseInfo response, JsonNode envelope) {
        try {
            if (LinkHeader.find(response.headers().all("Link"), "next").isPresent()) {
                return Optional.of("a Link header with rel=\"next\"");
            }
        } catch (IllegalArgumentException malformed) {
            // Not a readable Link header: no signal from it.
        }
        for (String flag : FLAGS) {
            JsonNode value = envelope.at(flag);
            if (value.isBoolean() && value.booleanValue()) {
                return Optional.of(flag + ": true");
            }
        }
        for (String next : NEXT) {
            JsonNode value = envelope.at(next);
            boolean signal = value.isString() ? !value.asString().isBlank()
                    : value.isObject() || value.isNumber() && value.asLong() != 0;
            if (signal) {
                return Optional.of("a non-empty " + next);
            }
        }
        return Optional.empty();
    }
}
