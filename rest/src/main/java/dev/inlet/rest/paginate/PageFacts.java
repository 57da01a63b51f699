package dev.inlet.rest.paginate;

import dev.inlet.core.Position;
import dev.inlet.core.ResponseInfo;
import dev.inlet.core.http.Request;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a page showed once it was read to its end: what paginators and stop conditions decide the
 * next page from.
 *
 * @param request the request for the page (before credentials were added)
 * @param position where the page was asked for
 * @param response the response's status and headers
 * @param envelope the body without its records ({@code has_more}, cursors, totals …); an empty
 *     object for bodies that are only records
 * @param recordCount how many records the page held (including any skipped on resume)
 * @param lastRecord the page's last record, if the paginator asked for it and the page had one
 */
public record PageFacts(Request request, Position position, ResponseInfo response, JsonNode envelope,
        int recordCount, Optional<JsonNode> lastRecord) {

    /** Checks that nothing is null. */
    public PageFacts {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(lastRecord, "lastRecord");
    }

    /** The envelope value at a JSON Pointer, if present and not null. */
    public Optional<JsonNode> at(String pointer) {
        JsonNode node = envelope.at(pointer);
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
    }
}
