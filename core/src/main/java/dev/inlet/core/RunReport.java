package dev.inlet.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import dev.inlet.core.record.Rejection;
import dev.inlet.core.record.Violation;

/**
 * What one run of a connector did: pages and records seen, how many were valid and rejected (by
 * rule), the first rejections in full, retries and waiting, and how it ended. Immutable.
 *
 * @param connector the connector's name
 * @param startedAt when the run started
 * @param elapsed how long it ran (so far, for a snapshot of a live run)
 * @param pages pages fully read
 * @param recordsSeen raw records read, valid or not
 * @param valid records delivered
 * @param rejected records rejected
 * @param rejectedByRule rejection counts by {@link Violation#rule()} (a record with two failed
 *     rules counts under both)
 * @param firstRejections the first rejections in full (up to the connector's report limit)
 * @param retries attempts beyond the first, over all pages
 * @param waited time spent waiting for backoff, server hints and rate limits
 * @param completed whether the source was read to its end
 * @param failure the message of the exception that ended the run, if it failed
 * @param resumePosition where to continue so that no record is lost or repeated
 * @param warnings what the run went on past but a person should look at (see {@link RunWarning}),
 *     the first ones in full (up to the connector's report limit)
 * @param warningCount how many warnings the run raised in all
 */
public record RunReport(String connector, Instant startedAt, Duration elapsed, int pages, long recordsSeen,
        long valid, long rejected, Map<String, Long> rejectedByRule, List<Rejection> firstRejections,
        int retries, Duration waited, boolean completed, Optional<String> failure,
        Optional<Position> resumePosition, List<RunWarning> warnings, int warningCount) {

    /** Copies the collections; checks that nothing is null. */
    public RunReport {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(elapsed, "elapsed");
        rejectedByRule = Map.copyOf(rejectedByRule);
        firstRejections = List.copyOf(firstRejections);
        Objects.requireNonNull(waited, "waited");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(resumePosition, "resumePosition");
        warnings = List.copyOf(warnings);
    }

    /** One readable line: records, pages, rejections, retries, waits, warnings, elapsed. */
    public String summary() {
        return String.format("%s: %d records (%d valid, %d rejected) in %d pages, %d retries, waited %.1f s, "
                        + "%s%.1f s elapsed%s",
                connector, recordsSeen, valid, rejected, pages, retries, waited.toMillis() / 1000.0,
                warningCount == 0 ? "" : warningCount + " warnings, ", elapsed.toMillis() / 1000.0,
                completed ? "" : failure.map(f -> ", FAILED").orElse(", stopped early"));
    }
}
