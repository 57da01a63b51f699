package dev.inlet.core.compose;

import dev.inlet.core.Connector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * The lookup side of an {@link Enrichment}, cached: either a whole connector indexed by a key field
 * (CRM contacts by email, read once and kept), or a function asked per key (a {@code GET /contacts?email=}
 * call) whose answers — misses included — are kept in a bounded LRU cache.
 *
 * <p>Keys are compared after {@link #normalizeKeys(UnaryOperator) normalisation} (e.g. lower-casing
 * emails), applied to both sides. On the connector side the first record with a key wins; later ones
 * are counted in {@link LookupStats#duplicateKeys()}. With {@link #refreshAfter(Duration)}, the cache
 * is rebuilt (connector) or its entries re-asked (function) once that old. Thread-safe; the
 * configuration methods return new lookups with empty caches.
 */
public final class Lookup {

    private final Connector<JsonNode> connector;
    private final JsonPointer keyPointer;
    private final Function<String, Optional<JsonNode>> function;
    private final UnaryOperator<String> normalize;
    private final Duration refreshAfter;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, JsonNode> index = new HashMap<>();
    private final LinkedHashMap<String, Entry> cache = new LinkedHashMap<>(16, 0.75f, true);
    private Instant loadedAt;
    private long loads;
    private long hits;
    private long misses;
    private long duplicates;
    private long unkeyed;

    private record Entry(Optional<JsonNode> value, Instant at) {
    }

    private Lookup(Connector<JsonNode> connector, JsonPointer keyPointer, Function<String, Optional<JsonNode>> function,
            UnaryOperator<String> normalize, Duration refreshAfter, int maxEntries, Clock clock) {
        this.connector = connector;
        this.keyPointer = keyPointer;
        this.function = function;
        this.normalize = normalize;
        this.refreshAfter = refreshAfter;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /**
     * Every record of the connector, indexed by the field at the pointer, read on first use and kept
     * (no refresh, keys as they are, the system clock).
     */
    public static Lookup fromConnector(Connector<JsonNode> connector, String keyPointer) {
        Objects.requireNonNull(connector, "connector");
        if (keyPointer == null || keyPointer.isEmpty() || keyPointer.charAt(0) != '/') {
            throw new IllegalArgumentException("the lookup key is a JSON Pointer into the lookup records, like "
                    + "\"/email\"; got " + keyPointer);
        }
        return new Lookup(connector, JsonPointer.compile(keyPointer), null, UnaryOperator.identity(), null, 0,
                Clock.systemUTC());
    }

    /** A function asked per key, its answers cached (at most 10,000 keys, no refresh, keys as they are). */
    public static Lookup of(Function<String, Optional<JsonNode>> function) {
        return new Lookup(null, null, Objects.requireNonNull(function, "function"), UnaryOperator.identity(), null,
                10_000, Clock.systemUTC());
    }

    /** This lookup with keys normalised on both sides, e.g. {@code k -> k.toLowerCase(Locale.ROOT)}. */
    public Lookup normalizeKeys(UnaryOperator<String> normalize) {
        return new Lookup(connector, keyPointer, function, Objects.requireNonNull(normalize, "normalize"),
                refreshAfter, maxEntries, clock);
    }

    /** This lookup with its cache renewed once older than {@code age}. */
    public Lookup refreshAfter(Duration age) {
        Objects.requireNonNull(age, "age");
        if (age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("refreshAfter must be positive, was " + age);
        }
        return new Lookup(connector, keyPointer, function, normalize, age, maxEntries, clock);
    }

    /** This function lookup with at most {@code max} cached keys (least recently used evicted). */
    public Lookup maxEntries(int max) {
        if (function == null || max < 1) {
            throw new IllegalArgumentException("maxEntries applies to a function lookup and must be >= 1, was " + max);
        }
        return new Lookup(connector, keyPointer, function, normalize, refreshAfter, max, clock);
    }

    /** This lookup timing its cache by the clock. */
    public Lookup clock(Clock clock) {
        return new Lookup(connector, keyPointer, function, normalize, refreshAfter, maxEntries,
                Objects.requireNonNull(clock, "clock"));
    }

    /**
     * The match for a key, if any.
     *
     * @throws dev.inlet.core.error.InletException if reading the lookup connector fails
     */
    public synchronized Optional<JsonNode> find(String key) {
        String k = normalize.apply(Objects.requireNonNull(key, "key"));
        Optional<JsonNode> found = connector != null ? fromIndex(k) : fromFunction(k);
        if (found.isEmpty()) {
            misses++;
        }
        return found;
    }

    /** A snapshot of the counters. */
    public synchronized LookupStats stats() {
        return new LookupStats(loads, connector != null ? index.size() : cache.size(), hits, misses, duplicates,
                unkeyed);
    }

    private Optional<JsonNode> fromIndex(String key) {
        if (loadedAt == null || expired(loadedAt)) {
            index.clear();
            loads++;
            try (Stream<JsonNode> records = connector.records()) {
                records.forEach(record -> {
                    JsonNode value = record.at(keyPointer);
                    if (!value.isValueNode() || value.isNull()) {
                        unkeyed++;
                    } else if (index.putIfAbsent(normalize.apply(value.asString()), record) != null) {
                        duplicates++;
                    }
                });
            }
            loadedAt = clock.instant();
        } else {
            hits++;
        }
        return Optional.ofNullable(index.get(key));
    }

    private Optional<JsonNode> fromFunction(String key) {
        Entry entry = cache.get(key);
        if (entry != null && !expired(entry.at())) {
            hits++;
            return entry.value();
        }
        loads++;
        Optional<JsonNode> value = Objects.requireNonNull(function.apply(key), "the lookup function returned null");
        cache.put(key, new Entry(value, clock.instant()));
        if (cache.size() > maxEntries) {
            cache.remove(cache.keySet().iterator().next());
        }
        return value;
    }

    private boolean expired(Instant at) {
        return refreshAfter != null && !clock.instant().isBefore(at.plus(refreshAfter));
    }

    @Override
    public String toString() {
        return connector != null ? "Lookup[" + connector.name() + " by " + keyPointer + "]" : "Lookup[function]";
    }
}
