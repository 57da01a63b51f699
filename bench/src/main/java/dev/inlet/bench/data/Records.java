package dev.inlet.bench.data;

import java.nio.charset.StandardCharsets;

/**
 * The one record shape every benchmark serves: a Stripe-like object of about 200 bytes with a string
 * id, an integer sequence number {@code n} (what clients sum to prove they saw every record), a
 * decimal amount, short strings, an epoch, a boolean and a free-text description.
 */
public final class Records {

    private static final String[] STATUSES = {"succeeded", "pending", "failed", "refunded"};

    private Records() {
    }

    /** Record number {@code n} as JSON text. */
    public static String json(long n) {
        return "{\"id\":\"rec_" + pad(n, 10) + "\",\"n\":" + n + ",\"amount\":" + (n % 100_000) + "."
                + pad(n % 100, 2) + ",\"currency\":\"eur\",\"status\":\"" + STATUSES[(int) (n % STATUSES.length)]
                + "\",\"created\":" + (1_718_000_000L + n) + ",\"paid\":" + (n % 3 != 0) + ",\"customer\":\"cus_"
                + pad(n % 1_000_000, 8) + "\",\"description\":\"Benchmark record " + n + "\"}";
    }

    /** Record number {@code n} as UTF-8 bytes. */
    public static byte[] bytes(long n) {
        return json(n).getBytes(StandardCharsets.UTF_8);
    }

    /** Records {@code from} (inclusive) to {@code to} (exclusive), comma-separated, without brackets. */
    public static byte[] commaSeparated(long from, long to) {
        StringBuilder out = new StringBuilder((int) (to - from) * 220);
        for (long n = from; n < to; n++) {
            if (n > from) {
                out.append(',');
            }
            out.append(json(n));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String pad(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
