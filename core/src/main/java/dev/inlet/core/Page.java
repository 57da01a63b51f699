package dev.inlet.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import dev.inlet.core.record.Rejection;

/**
 * One page of a source, held in memory: its records, the response facts, and the position of the
 * next page (empty on the last page).
 *
 * @param position where this page was asked for
 * @param records the records that passed validation, in source order
 * @param response the facts of the response (status, headers, timing)
 * @param next the position of the next page, empty if this is the last
 * @param rejections the records of this page that failed validation, in source order
 * @param continuation on the last page of a sync API, the token a later run starts from (see
 *     {@link OpenPage#continuationToken()}); empty otherwise
 * @param <T> the record type
 */
public record Page<T>(Position position, List<T> records, ResponseInfo response, Optional<Position> next,
        List<Rejection> rejections, Optional<String> continuation) {

    /** Copies the lists; checks that nothing is null and that only a last page has a continuation. */
    public Page {
        Objects.requireNonNull(position, "position");
        records = List.copyOf(records);
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(next, "next");
        rejections = List.copyOf(rejections);
        Objects.requireNonNull(continuation, "continuation");
        if (next.isPresent() && continuation.isPresent()) {
            throw new IllegalArgumentException("only the last page has a continuation; " + position.describe()
                    + " has a next page");
        }
    }

    /** A page without a continuation (every page of a source that starts each run from the beginning). */
    public Page(Position position, List<T> records, ResponseInfo response, Optional<Position> next,
            List<Rejection> rejections) {
        this(position, records, response, next, rejections, Optional.empty());
    }

    /** Whether this is the last page of the source. */
    public boolean isLast() {
        return next.isEmpty();
    }

    /** The number of records on the page, valid and rejected. */
    public int size() {
        return records.size() + rejections.size();
    }
}
