package dev.inlet.core;

import java.time.Duration;
import java.util.Objects;
import tools.jackson.core.StreamReadConstraints;
import dev.inlet.core.error.DecodingException;
import dev.inlet.core.error.LimitExceededException;

/**
 * How much of a response Inlet reads and holds before it gives up with a
 * {@link LimitExceededException} (a non-retryable {@link DecodingException} that names the limit, its
 * value, the URL without secrets and this setting), instead of running out of memory or holding a
 * thread for ever. Every default is generous for real APIs and small enough that one hostile
 * response cannot exhaust a heap. Immutable and thread-safe; see {@code docs/resilience.md}.
 *
 * <table>
 *   <caption>The limits and their defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>bounds</th></tr>
 *   <tr><td>{@link Builder#maxBodyBytes}</td><td>1 GiB</td><td>the bytes of one response body, after
 *       decompression</td></tr>
 *   <tr><td>{@link Builder#maxBodyTime}</td><td>10 minutes</td><td>the time spent waiting for the bytes of
 *       one response body (the time your code spends on records does not count)</td></tr>
 *   <tr><td>{@link Builder#maxRecordBytes}</td><td>8 MiB</td><td>one record (a JSON array element, an NDJSON
 *       line, a CSV row) or one envelope value; XML and GraphQL bodies are read whole, so for them it caps
 *       the body</td></tr>
 *   <tr><td>{@link Builder#maxStringLength}</td><td>5,000,000 characters</td><td>one string value or CSV
 *       field</td></tr>
 *   <tr><td>{@link Builder#maxNestingDepth}</td><td>500</td><td>nested arrays and objects</td></tr>
 *   <tr><td>{@link Builder#maxNumberLength}</td><td>1,000 characters</td><td>one number</td></tr>
 *   <tr><td>{@link Builder#maxCompressionRatio}</td><td>100</td><td>decompressed bytes per compressed byte of
 *       a gzip or deflate body, checked once more than 1 MiB was decompressed (zip bombs)</td></tr>
 * </table>
 */
public final class ReadLimits {

    /** Below this many decompressed bytes the compression ratio is not checked (small bodies compress well). */
    public static final long RATIO_CHECK_AFTER_BYTES = 1L << 20;

    private static final ReadLimits DEFAULTS = builder().build();

    private final long maxBodyBytes;
    private final Duration maxBodyTime;
    private final long maxRecordBytes;
    private final int maxStringLength;
    private final int maxNestingDepth;
    private final int maxNumberLength;
    private final int maxCompressionRatio;

    private ReadLimits(Builder b) {
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxBodyTime = b.maxBodyTime;
        this.maxRecordBytes = b.maxRecordBytes;
        this.maxStringLength = b.maxStringLength;
        this.maxNestingDepth = b.maxNestingDepth;
        this.maxNumberLength = b.maxNumberLength;
        this.maxCompressionRatio = b.maxCompressionRatio;
    }

    /** The documented defaults. */
    public static ReadLimits defaults() {
        return DEFAULTS;
    }

    /** A builder with the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these limits. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The most bytes of one response body, after decompression. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The most time spent waiting for the bytes of one response body. */
    public Duration maxBodyTime() {
        return maxBodyTime;
    }

    /** The most bytes of one record, NDJSON line, CSV row or envelope value (and of a whole XML or GraphQL body). */
    public long maxRecordBytes() {
        return maxRecordBytes;
    }

    /** The longest string value or CSV field, in characters. */
    public int maxStringLength() {
        return maxStringLength;
    }

    /** The deepest nesting of arrays and objects. */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /** The longest number, in characters. */
    public int maxNumberLength() {
        return maxNumberLength;
    }

    /** The most decompressed bytes per compressed byte. */
    public int maxCompressionRatio() {
        return maxCompressionRatio;
    }

    /** These limits as Jackson's parser constraints (string, nesting and number limits). */
    public StreamReadConstraints streamReadConstraints() {
        return StreamReadConstraints.builder()
                .maxStringLength(maxStringLength)
                .maxNestingDepth(maxNestingDepth)
                .maxNumberLength(maxNumberLength)
                .build();
    }

    /**
     * A Jackson constraint message in terms of these limits: {@code `StreamReadConstraints.getMaxStringLength()`}
     * becomes {@code ReadLimits.maxStringLength}.
     */
    public static String describeConstraint(String jacksonMessage) {
        return String.valueOf(jacksonMessage).replaceAll("`StreamReadConstraints\\.getMax(\\w+)\\(\\)`", "ReadLimits.max$1");
    }

    /** The setting a Jackson constraint message names: {@code maxStringLength}, {@code maxNestingDepth} … */
    public static String settingOf(String jacksonMessage) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("StreamReadConstraints\\.getMax(\\w+)\\(")
                .matcher(String.valueOf(jacksonMessage));
        return m.find() ? "max" + m.group(1) : "maxStringLength";
    }

    /** A byte count for messages: {@code 16 MiB (16777216 bytes)}, or just the bytes below 1 KiB. */
    public static String describeBytes(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String shown = value == Math.rint(value) ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.1f", value);
        return shown + " " + units[unit] + " (" + bytes + " bytes)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadLimits other && maxBodyBytes == other.maxBodyBytes
                && maxBodyTime.equals(other.maxBodyTime) && maxRecordBytes == other.maxRecordBytes
                && maxStringLength == other.maxStringLength && maxNestingDepth == other.maxNestingDepth
                && maxNumberLength == other.maxNumberLength && maxCompressionRatio == other.maxCompressionRatio;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxBodyBytes, maxBodyTime, maxRecordBytes, maxStringLength, maxNestingDepth,
                maxNumberLength, maxCompressionRatio);
    }

    @Override
    public String toString() {
        return "ReadLimits[maxBodyBytes=" + maxBodyBytes + ", maxBodyTime=" + maxBodyTime + ", maxRecordBytes="
                + maxRecordBytes + ", maxStringLength=" + maxStringLength + ", maxNestingDepth=" + maxNestingDepth
                + ", maxNumberLength=" + maxNumberLength + ", maxCompressionRatio=" + maxCompressionRatio + "]";
    }

    /** Builds {@link ReadLimits}; not thread-safe. Starts from the documented defaults. */
    public static final class Builder {
        private long maxBodyBytes = 1L << 30;
        private Duration maxBodyTime = Duration.ofMinutes(10);
        private long maxRecordBytes = 8L << 20;
        private int maxStringLength = 5_000_000;
        private int maxNestingDepth = 500;
        private int maxNumberLength = 1_000;
        private int maxCompressionRatio = 100;

        private Builder() {
        }

        private Builder(ReadLimits l) {
            maxBodyBytes = l.maxBodyBytes;
            maxBodyTime = l.maxBodyTime;
            maxRecordBytes = l.maxRecordBytes;
            maxStringLength = l.maxStringLength;
            maxNestingDepth = l.maxNestingDepth;
            maxNumberLength = l.maxNumberLength;
            maxCompressionRatio = l.maxCompressionRatio;
        }

        /** The most bytes of one response body, after decompression. Default 1 GiB. */
        public Builder maxBodyBytes(long bytes) {
            this.maxBodyBytes = positive(bytes, "maxBodyBytes");
            return this;
        }

        /**
         * The most time spent waiting for the bytes of one response body, from the response head to
         * the last byte; the time the caller spends between reads (handling records) does not count.
         * Default 10 minutes. (The read timeout bounds one wait for the next byte; this bounds their sum.)
         */
        public Builder maxBodyTime(Duration time) {
            Objects.requireNonNull(time, "time");
            if (time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("maxBodyTime must be positive, was " + time);
            }
            this.maxBodyTime = time;
            return this;
        }

        /**
         * The most bytes of one record, NDJSON line, CSV row or envelope value; XML and GraphQL bodies
         * are read whole, so for them it caps the body. Default 8 MiB. A record held as a tree takes
         * from about 1.5 times (long strings) to 10 times (dense small numbers) its bytes of heap: lower it
         * for small heaps.
         */
        public Builder maxRecordBytes(long bytes) {
            this.maxRecordBytes = positive(bytes, "maxRecordBytes");
            return this;
        }

        /** The longest string value or CSV field, in characters. Default 5,000,000. */
        public Builder maxStringLength(int chars) {
            this.maxStringLength = (int) positive(chars, "maxStringLength");
            return this;
        }

        /** The deepest nesting of arrays and objects. Default 500 (Jackson's). */
        public Builder maxNestingDepth(int depth) {
            this.maxNestingDepth = (int) positive(depth, "maxNestingDepth");
            return this;
        }

        /** The longest number, in characters. Default 1,000 (Jackson's). */
        public Builder maxNumberLength(int chars) {
            this.maxNumberLength = (int) positive(chars, "maxNumberLength");
            return this;
        }

        /**
         * The most decompressed bytes per compressed byte of a gzip or deflate body, checked once more
         * than {@value ReadLimits#RATIO_CHECK_AFTER_BYTES} bytes were decompressed. Default 100 (JSON
         * usually compresses 5 to 20 times).
         */
        public Builder maxCompressionRatio(int ratio) {
            this.maxCompressionRatio = (int) positive(ratio, "maxCompressionRatio");
            return this;
        }

        /** The immutable limits. */
        public ReadLimits build() {
            return new ReadLimits(this);
        }

        private static long positive(long value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
