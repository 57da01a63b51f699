package dev.inlet.core.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * A timestamp becomes an ISO-8601 instant string in UTC ({@code 2024-05-01T12:00:00Z}), which every
 * mapper reads as {@link Instant}. Accepts ISO-8601 date-times with an offset and, when a unit is
 * given, epoch numbers (or numeric strings) in that unit. Arithmetic is exact: a value finer than a
 * nanosecond, or outside {@link Instant}'s range, is refused rather than rounded.
 */
final class InstantCoercion implements FieldCoercion {

    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger MIN_NANOS = BigInteger.valueOf(Instant.MIN.getEpochSecond()).multiply(NANOS_PER_SECOND);
    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Instant.MAX.getEpochSecond()).multiply(NANOS_PER_SECOND)
            .add(BigInteger.valueOf(Instant.MAX.getNano()));

    private final EpochUnit unit;

    /** @param unit the unit of epoch numbers, or null to accept ISO-8601 strings only */
    InstantCoercion(EpochUnit unit) {
        this.unit = unit;
    }

    @Override
    public JsonNode apply(JsonNode value) {
        if (value.isString()) {
            String text = value.stringValue();
            Instant instant = IsoDateTimes.parse(text);
            if (instant == null && unit != null) {
                instant = fromEpochText(text);
            }
            if (instant == null) {
                return null;
            }
            String iso = instant.toString();
            return iso.equals(text) ? value : StringNode.valueOf(iso);
        }
        if (value.isNumber() && unit != null && Numbers.isFinite(value)) {
            Instant instant = value.isIntegralNumber() && value.canConvertToLong()
                    ? fromEpoch(value.longValue()) : fromEpoch(Numbers.exact(value));
            return instant == null ? null : StringNode.valueOf(instant.toString());
        }
        return null;
    }

    @Override
    public String expected() {
        return unit == null ? "an ISO-8601 date-time with an offset"
                : "epoch " + unit.name().toLowerCase(java.util.Locale.ROOT) + " or an ISO-8601 date-time with an offset";
    }

    private Instant fromEpochText(String text) {
        // Whole numbers (nearly all epochs) in long arithmetic; fractions and giants exactly, in BigDecimal.
        if (text.length() <= 18 && isWholeNumber(text)) {
            return fromEpoch(Long.parseLong(text));
        }
        BigDecimal number = DecimalCoercion.parse(text);
        return number == null ? null : fromEpoch(number);
    }

    private static boolean isWholeNumber(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private Instant fromEpoch(long amount) {
        try {
            return unit == EpochUnit.SECONDS ? Instant.ofEpochSecond(amount) : Instant.ofEpochMilli(amount);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return null; // outside Instant's range
        }
    }

    private Instant fromEpoch(BigDecimal amount) {
        if (amount.precision() - amount.scale() > 40) {
            return null; // far outside Instant's range; stop before multiplying a huge number
        }
        BigDecimal nanos = amount.multiply(unit.nanos());
        if (nanos.signum() != 0 && nanos.stripTrailingZeros().scale() > 0) {
            return null; // finer than a nanosecond: refuse rather than round a timestamp
        }
        BigInteger exact = nanos.toBigInteger();
        if (exact.compareTo(MIN_NANOS) < 0 || exact.compareTo(MAX_NANOS) > 0) {
            return null;
        }
        BigInteger[] secondsAndNanos = exact.divideAndRemainder(NANOS_PER_SECOND);
        long seconds = secondsAndNanos[0].longValueExact();
        long nanoAdjustment = secondsAndNanos[1].longValueExact();
        return Instant.ofEpochSecond(seconds, nanoAdjustment);
    }
}
