package dev.inlet.examples.demo;

import dev.inlet.core.metrics.Point;
import dev.inlet.core.metrics.TimeSeries;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The demo's table: one row per day, the metrics of every source side by side — what "unify
 * scattered systems" looks like once the records are in.
 */
final class DailyTable {

    private final List<String> headers = new ArrayList<>();
    private final TreeMap<LocalDate, List<BigDecimal>> rows = new TreeMap<>();

    /** Adds a column per value of {@code dimension} for {@code metric} (e.g. revenue per currency). */
    DailyTable columnsBy(TimeSeries series, String metric, String dimension, String title) {
        TreeSet<String> values = new TreeSet<>();
        series.points().forEach(p -> values.add(p.dimension(dimension)));
        for (String value : values) {
            column(series, metric, Map.of(dimension, value), title + " " + value);
        }
        return this;
    }

    /** Adds a column for a metric, summed over dimensions matching {@code filter}. */
    DailyTable column(TimeSeries series, String metric, Map<String, String> filter, String title) {
        int index = headers.size();
        headers.add(title);
        rows.values().forEach(r -> r.add(BigDecimal.ZERO));
        for (Point p : series.points()) {
            if (!p.dimensions().entrySet().containsAll(filter.entrySet())) {
                continue;
            }
            List<BigDecimal> row = rows.computeIfAbsent(p.start().toLocalDate(), d -> zeros(index + 1));
            while (row.size() <= index) {
                row.add(BigDecimal.ZERO);
            }
            row.set(index, row.get(index).add(p.value(metric).orElse(BigDecimal.ZERO)));
        }
        rows.values().forEach(r -> {
            while (r.size() <= index) {
                r.add(BigDecimal.ZERO);
            }
        });
        return this;
    }

    /** Every cell, by day and column title. */
    Map<LocalDate, Map<String, BigDecimal>> cells() {
        Map<LocalDate, Map<String, BigDecimal>> out = new TreeMap<>();
        rows.forEach((day, row) -> {
            Map<String, BigDecimal> cells = new java.util.LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                cells.put(headers.get(i), row.get(i));
            }
            out.put(day, java.util.Collections.unmodifiableMap(cells));
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Prints the table with a total row. */
    void print(PrintStream out) {
        List<Integer> widths = new ArrayList<>();
        for (String h : headers) {
            widths.add(Math.max(h.length(), 10));
        }
        StringBuilder head = new StringBuilder(String.format("  %-10s", "day"));
        for (int i = 0; i < headers.size(); i++) {
            head.append(String.format("  %" + widths.get(i) + "s", headers.get(i)));
        }
        out.println(head);
        List<BigDecimal> totals = zeros(headers.size());
        rows.forEach((day, row) -> {
            StringBuilder line = new StringBuilder(String.format("  %-10s", day));
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("  %" + widths.get(i) + "s", format(row.get(i))));
                totals.set(i, totals.get(i).add(row.get(i)));
            }
            out.println(line);
        });
        StringBuilder line = new StringBuilder(String.format("  %-10s", "total"));
        for (int i = 0; i < totals.size(); i++) {
            line.append(String.format("  %" + widths.get(i) + "s", format(totals.get(i))));
        }
        out.println(line);
    }

    private static String format(BigDecimal value) {
        return value.scale() > 0 ? String.format("%,.2f", value) : String.format("%,d", value.longValueExact());
    }

    private static List<BigDecimal> zeros(int n) {
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(BigDecimal.ZERO);
        }
        return out;
    }
}
