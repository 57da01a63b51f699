package dev.inlet.jdbc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The ISO-8601 UTC text of an instant, exactly as {@link Instant#toString()} writes it, without going through
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

    /** Writes {@code value} as exactly {@code width} decimal digits, zero-padded, at {@code from}. */
    private static void digits(byte[] text, int from, int value, int width) {
        for (int i = from + width - 1; i >= from; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
