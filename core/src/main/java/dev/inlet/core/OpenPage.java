package dev.inlet.core;

import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A page being read: its raw records are decoded from the response body as the caller iterates,
 * so one page in memory is never more than one record at a time.
 *
 * <p>The position of the next page is known only once the body has been read to its end (a cursor
 * may follow the records), so {@link #nextPosition()} may be called only after {@link #hasNext()}
 * returned {@code false}. {@link #close()} releases the HTTP response; it is safe to call twice.
 * Not thread-safe: one consumer reads a page.
 */
public interface OpenPage extends Iterator<JsonNode>, AutoCloseable {

    /** Where this page was asked for (with any records skipped on resume). */
    Position position();

    /** The facts of the response that produced the records. */
    ResponseInfo response();

    /**
     * The position of the next page, or empty when the source has no more pages.
     *
     * @throws IllegalStateException if records of this page remain unread
     */
    Optional<Position> nextPosition();

    /**
     * On the last page ({@link #nextPosition()} empty): the token a <em>later</em> run starts from, for
     * sync APIs whose last page says where the next sync continues (Plaid's final {@code next_cursor}, a
     * Microsoft Graph delta link, Dropbox's {@code list_folder} cursor). Empty (the default) when every
     * run starts from the beginning, and on pages that are not the last. Like {@link #nextPosition()},
     * known only after all records were read.
     */
    default Optional<String> continuationToken() {
        return Optional.empty();
    }

    /** How many attempts beyond the first this page needed. */
    default int retries() {
        return 0;
    }

    /** How long this page waited for backoff, server hints and rate limits. */
    default Duration waited() {
        return Duration.ZERO;
    }

    /**
     * What the source noticed about this page that a person should look at (already logged by the
     * source); known once the page was read to its end. The run passes them to its listener and
     * counts them in its report.
     */
    default java.util.List<RunWarning> warnings() {
        return java.util.List.of();
    }

    /** Releases the response; reading afterwards fails. */
    @Override
    void close();
}
