package dev.inlet.core.validation;

import java.math.BigDecimal;

/** The unit of an epoch timestamp, for {@link Coercions.Builder#toInstant(String, EpochUnit)}. */
public enum EpochUnit {
    /** Seconds since 1970-01-01T00:00:00Z (Unix time, e.g. Stripe's {@code created}); fractions allowed. */
    SECONDS(new BigDecimal(1_000_000_000L)),
    /** Milliseconds since 1970-01-01T00:00:00Z (JavaScript's {@code Date.now()}); fractions allowed. */
    MILLISECONDS(new BigDecimal(1_000_000L));

    private final BigDecimal nanos;

    EpochUnit(BigDecimal nanos) {
        this.nanos = nanos;
    }

    /** Nanoseconds in one unit. */
    BigDecimal nanos() {
        return nanos;
    }
}
