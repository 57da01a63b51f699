package dev.inlet.core.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The running state of one {@link Aggregation}: add records (or webhook events, a data point each)
 * as they arrive and read the series whenever you like. Thread-safe: events from several threads
 * may be added concurrently.
 *
 * @param <T> the record type
 */
public final class Accumulator<T> {

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::start)
            .thenComparing(k -> String.join("\u0000", k.dimensions()));

    private final Aggregation<T> aggregation;
    private final List<String> dimensionNames;
    private final TreeMap<Key, List<Metric<T>.Cell>> buckets = new TreeMap<>(ORDER);
    private long unplaced;
    private long added;

    Accumulator(Aggregation<T> aggregation) {
        this.aggregation = aggregation;
        this.dimensionNames = aggregation.dimensionNames();
    }

    /** Folds one record into its bucket. */
    public synchronized void add(T record) {
        added++;
        Instant time = aggregation.time().apply(record);
        if (time == null) {
            unplaced++;
            return;
        }
        ZonedDateTime start = aggregation.grain().start(time.atZone(aggregation.zone()));
        List<String> dims = new ArrayList<>(dimensionNames.size());
        for (String name : dimensionNames) {
            String value = aggregation.dimension(name).apply(record);
            dims.add(value == null ? "" : value);
        }
        List<Metric<T>.Cell> cells = buckets.computeIfAbsent(new Key(start.toInstant(), List.copyOf(dims)),
                k -> newCells());
        for (Metric<T>.Cell cell : cells) {
            cell.add(record);
        }
    }

    /** How many records were added. */
    public synchronized long added() {
        return added;
    }

    /** Folds another accumulator of the same aggregation into this one; returns this. */
    Accumulator<T> merge(Accumulator<T> other) {
        synchronized (other) {
            synchronized (this) {
                added += other.added;
                unplaced += other.unplaced;
                other.buckets.forEach((key, cells) -> {
                    List<Metric<T>.Cell> mine = buckets.computeIfAbsent(key, k -> newCells());
                    for (int i = 0; i < mine.size(); i++) {
                        mine.get(i).merge(cells.get(i));
                    }
                });
            }
        }
        return this;
    }

    /** The series so far (a snapshot; adding more later does not change it). */
    public synchronized TimeSeries result() {
        List<String> metricNames = aggregation.metrics().stream().map(m -> m.name).toList();
        Map<Key, List<Metric<T>.Cell>> all = new TreeMap<>(ORDER);
        all.putAll(buckets);
        if (aggregation.fillGaps()) {
            fill(all);
        }
        List<Point> points = new ArrayList<>(all.size());
        all.forEach((key, cells) -> {
            Map<String, String> dims = new LinkedHashMap<>();
            for (int i = 0; i < dimensionNames.size(); i++) {
                dims.put(dimensionNames.get(i), key.dimensions().get(i));
            }
            Map<String, BigDecimal> values = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                BigDecimal value = cells.get(i).value();
                if (value != null) {
                    values.put(metricNames.get(i), value);
                }
            }
            points.add(new Point(key.start().atZone(aggregation.zone()), dims, values));
        });
        return new TimeSeries(aggregation.grain(), aggregation.zone(), dimensionNames, metricNames, points, unplaced);
    }

    private void fill(Map<Key, List<Metric<T>.Cell>> all) {
        if (buckets.isEmpty() && aggregation.from().isEmpty()) {
            return;
        }
        Grain grain = aggregation.grain();
        Instant first = aggregation.from().orElseGet(() -> buckets.firstKey().start());
        Instant end = aggregation.to().orElseGet(() -> grain.next(buckets.lastKey().start()
                .atZone(aggregation.zone())).toInstant());
        Set<List<String>> combinations = new LinkedHashSet<>();
        buckets.keySet().forEach(k -> combinations.add(k.dimensions()));
        if (combinations.isEmpty()) {
            combinations.add(dimensionNames.stream().map(n -> "").toList());
        }
        for (ZonedDateTime t = grain.start(first.atZone(aggregation.zone())); t.toInstant().isBefore(end);
                t = grain.next(t)) {
            for (List<String> dims : combinations) {
                all.putIfAbsent(new Key(t.toInstant(), dims), newCells());
            }
        }
    }

    private List<Metric<T>.Cell> newCells() {
        List<Metric<T>.Cell> cells = new ArrayList<>(aggregation.metrics().size());
        for (Metric<T> metric : aggregation.metrics()) {
            cells.add(metric.newCell());
        }
        return cells;
    }

    /** A bucket: its start and its dimension values in dimension-name order. */
    private record Key(Instant start, List<String> dimensions) {
    }
}
