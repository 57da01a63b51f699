package dev.inlet.cli.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --since VALUE}: the start of an incremental stream's window, as an ISO date ({@code 2026-01-01},
 * midnight UTC) or date-time ({@code 2026-01-01T08:00:00Z}, {@code …+02:00}; without an offset, UTC). It
 * is written in the stream's cursor format and handed to the input its {@code start: ${input:…}} reads.
 */
final class SinceOption {

    @Option(names = "--since", paramLabel = "DATE|DATE-TIME",
            description = "Start of the incremental window: an ISO date or date-time (UTC unless an offset is given).")
    String value;

    /** The instant, if {@code --since} was given. */
    Optional<Instant> instant() {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(parse("--since", value, ZoneOffset.UTC));
    }

    /**
     * An ISO date (midnight in {@code zone}) or date-time (in {@code zone} unless it has an offset) as an
     * instant; anything else is a usage error naming {@code option}.
     */
    static Instant parse(String option, String value, ZoneId zone) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " `" + value + "` is not an ISO date or date-time; expected e.g. "
                    + "2026-01-01 or 2026-01-01T08:00:00Z");
        }
    }
}
