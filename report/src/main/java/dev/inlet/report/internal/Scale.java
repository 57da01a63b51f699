package dev.inlet.report.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * <b>Internal</b>: a linear scale from data values to pixels, with "nice" ticks (1, 2, 2.5 or 5 times a
 * power of ten) that cover the data, so axes read as round numbers.
 */
public final class Scale {

    private final double min;
    private final double max;
    private final double step;
    private final double pixelsFrom;
    private final double pixelsTo;

    private Scale(double min, double max, double step, double pixelsFrom, double pixelsTo) {
        this.min = min;
        this.max = max;
        this.step = step;
        this.pixelsFrom = pixelsFrom;
        this.pixelsTo = pixelsTo;
    }

    /**
     * A scale covering {@code low..high} (and zero, when {@code includeZero}) with about {@code ticks}
     * ticks, mapped onto {@code pixelsFrom..pixelsTo} (which may run downwards, as a y axis does).
     */
    public static Scale nice(double low, double high, boolean includeZero, int ticks, double pixelsFrom,
            double pixelsTo) {
        double lo = includeZero ? Math.min(0, low) : low;
        double hi = includeZero ? Math.max(0, high) : high;
        if (!(hi > lo)) { // one value, or none: a unit range around it
            hi = lo + (lo == 0 ? 1 : Math.abs(lo));
            if (includeZero && lo < 0 && hi > 0) {
                hi = 0;
            }
        }
        double step = niceStep((hi - lo) / Math.max(1, ticks));
        double niceMin = Math.floor(lo / step + 1e-9) * step;
        double niceMax = Math.ceil(hi / step - 1e-9) * step;
        return new Scale(niceMin, niceMax, step, pixelsFrom, pixelsTo);
    }

    private static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /** The pixel position of a value. */
    public double at(double value) {
        return pixelsFrom + (value - min) / (max - min) * (pixelsTo - pixelsFrom);
    }

    /** The tick values, from the lowest to the highest. */
    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long count = Math.round((max - min) / step);
        for (long i = 0; i <= count; i++) {
            ticks.add(min + i * step);
        }
        return ticks;
    }

    /** A tick value as text. */
    public String label(double tick) {
        return Numbers.tick(tick, step);
    }

    /** The lowest value on the axis. */
    public double min() {
        return min;
    }

    /** The highest value on the axis. */
    public double max() {
        return max;
    }
}
