package dev.inlet.testkit;

/**
 * SplitMix64 (Steele, Lea and Flood, 2014), written out here so that a seed gives the same numbers
 * on every JDK: {@code java.util.Random}'s and the {@code RandomGenerator} algorithms' outputs are
 * not promised to stay the same forever. Stateless: the value for {@code (seed, index, stream)} is
 * {@code mix(seed + (index * 64 + stream + 1) * 0x9E3779B97F4A7C15)}, so a request's fate does not
 * depend on which thread asked first.
 */
final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SplitMix64() {
    }

    /** The SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit value for one draw. */
    static long value(long seed, long index, int stream) {
        return mix(seed + (index * 64 + stream + 1) * GOLDEN_GAMMA);
    }

    /** A double in [0, 1) from the top 53 bits of {@link #value}. */
    static double unit(long seed, long index, int stream) {
        return (value(seed, index, stream) >>> 11) * 0x1.0p-53;
    }
}
