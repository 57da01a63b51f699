package dev.inlet.core.validation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Parses ISO-8601 date-times that carry an offset ({@code 2024-05-01T12:00:00Z},
 * {@code 2024-05-01T14:00:00.5+02:00}) with four-digit years, exactly as
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does (which, like RFC 3339, also accepts a
 * lower-case {@code t} and {@code z}). A date-time without an offset is refused: the instant it names depends on a time zone nobody
 * stated, and metrics built on it would be silently shifted.
 *
 * <p>This runs per record, and the formatter costs about half a microsecond, so the shape nearly every
 * API sends ({@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)}) is read by hand; anything else goes
 * to the formatter, which stays the authority on what is accepted.
 */
final class IsoDateTimes {

    private IsoDateTimes() {
    }

    /** The instant the text names, or null if it is not an ISO-8601 date-time with an offset. */
    static Instant parse(String text) {
        if (!plausible(text)) {
            return null;
        }
        Instant fast = parseCommonShape(text);
        return fast != null ? fast : parseWithFormatter(text);
    }

    /** A cheap screen before any parsing: most values that are not date-times fail here. */
    static boolean plausible(String text) {
        return text.length() >= 17 && text.length() <= 64 && text.charAt(4) == '-'
                && (text.charAt(10) == 'T' || text.charAt(10) == 't');
    }

    static Instant parseWithFormatter(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The common shape read by hand; null for anything else, including invalid dates (left to the formatter). */
    private static Instant parseCommonShape(String s) {
        if (s.length() < 20 || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < s.length() && i - start < 9 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                return null;
            }
            for (int scale = i - start; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (i == s.length() - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
            offset = ZoneOffset.UTC;
        } else if (i == s.length() - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int offsetHours = digits(s, i + 1, 2);
            int offsetMinutes = digits(s, i + 4, 2);
            if ((offsetHours | offsetMinutes) < 0 || offsetHours > 18 || offsetMinutes > 59) {
                return null;
            }
            int sign = s.charAt(i) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
