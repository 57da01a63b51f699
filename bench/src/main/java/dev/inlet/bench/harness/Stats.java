package dev.inlet.bench.harness;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Median and range of repeated measurements.
 *
 * @param median the median (the mean of the middle two for an even count)
 * @param min the smallest
 * @param max the largest
 * @param n how many
 */
public record Stats(double median, double min, double max, int n) {

    /** The statistics of the values. */
    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(median, sorted[0], sorted[n - 1], n);
    }

    /** {@code median (min–max)} with the format applied to each number. */
    public String format(String numberFormat) {
        return String.format(Locale.ROOT, numberFormat + " (" + numberFormat + "–" + numberFormat + ")", median, min,
                max);
    }

    /** The value at a percentile (0–100) of already sorted values, nearest rank. */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
