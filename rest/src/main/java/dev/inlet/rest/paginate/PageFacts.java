package dev.inlet.rest.paginate;

import dev.inlet.core.error.PaginationException;
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
 * @param absentMeansEnd whether a paging field missing from the body reads as {@code null} (the
 *     endpoint said so with {@code absentMeansEnd()}, or the page had no body); otherwise
 *     {@link #pagingField} fails on it
 */
public record PageFacts(Request request, Position position, ResponseInfo response, JsonNode envelope,
        int recordCount, Optional<JsonNode> lastRecord, boolean absentMeansEnd) {

    /** Checks that nothing is null. */
    public PageFacts {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(lastRecord, "lastRecord");
    }

    /** Facts of a page whose paging fields must be present (see {@link #pagingField}). */
    public PageFacts(Request request, Position position, ResponseInfo response, JsonNode envelope, int recordCount,
            Optional<JsonNode> lastRecord) {
        this(request, position, response, envelope, recordCount, lastRecord, false);
    }

    /**
     * The value of a field that paging reads (a cursor, a next link, a has-more flag, a total): empty
     * if it is JSON {@code null}. A field that is <em>absent</em> is a {@link PaginationException}
     * naming the pointer, the fields that are present and the nearest of them — a misspelt pointer
     * must not end paging after the first page without a word — unless {@link #absentMeansEnd()},
     * where it reads as {@code null}.
     *
     * @param pointer the JSON Pointer into the envelope
     * @param what what the field is for, for the message (e.g. "the cursor of bodyCursor")
     * @throws PaginationException if the field is absent and absence was not declared an end
     */
    public Optional<JsonNode> pagingField(String pointer, String what) {
        JsonNode node = envelope.at(pointer);
        if (node.isMissingNode()) {
            if (absentMeansEnd) {
                return Optional.empty();
            }
            throw PagingFields.absent(this, pointer, what);
        }
        return node.isNull() ? Optional.empty() : Optional.of(node);
    }

    /** The envelope value at a JSON Pointer, if present and not null; lenient (see {@link #pagingField}). */
    public Optional<JsonNode> at(String pointer) {
        JsonNode node = envelope.at(pointer);
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
    }
}
