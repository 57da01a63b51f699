package dev.inlet.report.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * <b>Internal</b>: number and duration text that is the same on every machine (no locale, no float
 * noise), and short for any value, however large its exponent.
 */
public final class Numbers {

    /** Beyond this many digits a value is written in scientific notation rather than expanded. */
    private static final int MAX_PLAIN_DIGITS = 30;

    private Numbers() {
    }

    /** A decimal as plain digits without trailing zeros ({@code 12.5}, {@code 1200}); huge exponents stay short. */
    public static String format(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        int integerDigits = stripped.precision() - stripped.scale();
        if (stripped.scale() > MAX_PLAIN_DIGITS || integerDigits > MAX_PLAIN_DIGITS) {
            return stripped.toString();
        }
        return stripped.toPlainString();
    }

    /**
     * A sum to 34 significant digits (exact for any realistic total): exact addition of values whose
     * exponents lie far apart (1E+999999999 + 0.5) would need a billion digits.
     */
    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a.add(b, MathContext.DECIMAL128);
    }

    /** A tick value with exactly as many decimals as the step needs. */
    public static String tick(double value, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        if (Math.abs(value) >= 1e15 || decimals > 12) {
            return BigDecimal.valueOf(value).round(new MathContext(3)).stripTrailingZeros().toString();
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /** A duration for people: {@code 850 ms}, {@code 2.5 s}, {@code 3 min 5 s}, {@code 2 h 3 min}. */
    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return BigDecimal.valueOf(millis, 3).setScale(1, RoundingMode.HALF_UP).toPlainString() + " s";
        }
        long seconds = duration.toSeconds();
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** A coordinate in SVG user units, one decimal at most. */
    public static String coordinate(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : BigDecimal.valueOf(tenths, 1).toPlainString();
    }
}
