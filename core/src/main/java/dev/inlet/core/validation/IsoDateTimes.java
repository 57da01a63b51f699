package dev.inlet.core.validation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Parses ISO-8601 date-times that carry an offset ({@code 2024-05-01T12:00:00Z},
 * {@code 2024-05-01T14:00:00.5+02:00}). A date-time without an offset is refused: the instant it
 * names depends on a time zone nobody stated, and metrics built on it would be silently shifted.
 */
final class IsoDateTimes {

    private IsoDateTimes() {
    }

    /** The instant the text names, or null if it is not an ISO-8601 date-time with an offset. */
    static Instant parse(String text) {
        // Cheap shape check first: most invalid values fail here without the cost of an exception.
        if (text.length() < 17 || text.length() > 64 || text.charAt(4) != '-' || text.charAt(10) != 'T') {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
