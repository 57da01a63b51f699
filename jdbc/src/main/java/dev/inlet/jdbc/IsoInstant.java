package dev.inlet.jdbc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * ISO-8601 UTC instants to text and back on the per-row paths. To text: exactly as {@link Instant#toString()}
 * writes it, without going through
 * {@code DateTimeFormatter}: a SQL source writes one per timestamptz value of every row, and the formatter's
 * generic printer was the largest single cost of mapping a row (about a quarter of it in the bench profile).
 * Years 1000 to 9999 are written here; any other instant falls back to {@link Instant#toString()}.
 */
final class IsoInstant {

    private static final long SECONDS_PER_DAY = 86_400;
    /** 1000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds: the four-digit years written here. */
    private static final long FIRST = -30_610_224_000L;
    private static final long END = 253_402_300_800L;

    private IsoInstant() {
    }

    /** The text of the instant {@code epochSecond} + {@code nano} nanoseconds, as {@code Instant.toString()}. */
    static String of(long epochSecond, int nano) {
        if (epochSecond < FIRST || epochSecond >= END) {
            return Instant.ofEpochSecond(epochSecond, nano).toString();
        }
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        // civil date from days since 1970-01-01 (H. Hinnant's algorithm, exact for the proleptic Gregorian calendar)
        long z = day + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int dayOfMonth = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        int fraction = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
        byte[] text = new byte[20 + (fraction == 0 ? 0 : fraction + 1)];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, month, 2);
        text[7] = '-';
        digits(text, 8, dayOfMonth, 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        int at = 19;
        if (fraction > 0) {
            text[at++] = '.';
            int value = fraction == 3 ? nano / 1_000_000 : fraction == 6 ? nano / 1000 : nano;
            digits(text, at, value, fraction);
            at += fraction;
        }
        text[at] = 'Z';
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /**
     * The UTC timestamp of a text in exactly the shape {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} (what a SQL source and
     * most APIs write), as {@link OffsetDateTime#parse} would read it; empty for any other text, even a valid one
     * (another offset, no seconds, lower case), which the caller then parses the general way. The sink's bulk
     * paths parse one per timestamp value, where the formatter's general parser was the largest cost.
     */
    static Optional<OffsetDateTime> parseUtc(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || n == 21 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Optional.empty();
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int nano = 0;
        if (n > 20) {
            if (text.charAt(19) != '.') {
                return Optional.empty();
            }
            int digits = n - 21;
            nano = number(text, 20, digits);
            for (int i = digits; i < 9 && nano >= 0; i++) {
                nano *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nano < 0) {
            return Optional.empty();
        }
        return Optional.of(OffsetDateTime.of(year, month, day, hour, minute, second, nano, ZoneOffset.UTC));
    }

    /** The decimal number of {@code width} ASCII digits at {@code from}; -1 if any is not a digit. */
    private static int number(String text, int from, int width) {
        int value = 0;
        for (int i = from; i < from + width; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    /** Writes {@code value} as exactly {@code width} decimal digits, zero-padded, at {@code from}. */
    private static void digits(byte[] text, int from, int value, int width) {
        for (int i = from + width - 1; i >= from; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
