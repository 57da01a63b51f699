package dev.inlet.jdbc;

import dev.inlet.core.Position;
import dev.inlet.core.RunReport;
import java.time.Instant;
import java.util.Objects;

/**
 * One connector run a metric computation read: what it was, which part of the source it covered and what it
 * left out. Stored with every metric point by {@link MetricHistory}.
 *
 * @param connector the connector's name
 * @param stream the stream (table, endpoint, object) the records came from
 * @param positionFrom where the run started ({@link Position#asString()})
 * @param positionTo where it stopped, or {@code "end"} if it read the source to its end
 * @param fetchedAt when the run started
 * @param recordsRead records the run saw, valid or not
 * @param quarantined records it rejected (quarantined or dropped): left out of the metric
 */
public record RunLineage(String connector, String stream, String positionFrom, String positionTo, Instant fetchedAt,
        long recordsRead, long quarantined) {

    /** Checks that nothing is null. */
    public RunLineage {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(positionFrom, "positionFrom");
        Objects.requireNonNull(positionTo, "positionTo");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    /** The lineage of a finished run, from its report and the position it started at. */
    public static RunLineage of(RunReport report, String stream, Position from) {
        return new RunLineage(report.connector(), stream, from.asString(),
                report.completed() ? "end" : report.resumePosition().map(Position::asString).orElse("unknown"),
                report.startedAt(), report.recordsSeen(), report.rejected());
    }
}
