package dev.inlet.core.retry;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses HTTP-dates (RFC 9110 §5.6.7). Senders must use the IMF-fixdate form, but recipients must
 * also accept the two obsolete forms, and real servers and proxies still send them.
 */
final class HttpDates {

    /** {@code Sunday, 06-Nov-94 08:49:37 GMT}; two-digit years read as 1970..2069. */
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US);

    /** ANSI C's asctime(): {@code Sun Nov  6 08:49:37 1994}, always UTC. */
    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEE MMM ppd HH:mm:ss yyyy")
            .toFormatter(Locale.US);

    private HttpDates() {
    }

    /** The instant an HTTP-date names, or empty if the text is not one. */
    static Optional<Instant> parse(String text) {
        String v = text.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException notImf) {
            // fall through to the obsolete forms
        }
        try {
            return Optional.of(LocalDateTime.parse(v, RFC_850).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notRfc850) {
            // fall through
        }
        try {
            return Optional.of(LocalDateTime.parse(v, ASCTIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notAsctime) {
            return Optional.empty();
        }
    }
}
