package dev.inlet.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The records a {@link FakeApi} serves: a live, thread-safe, ordered set of JSON objects keyed by
 * their {@code id} (a string). Change it between runs ({@link #add}, {@link #update}, {@link #remove})
 * to test incremental syncs: every change stamps the record's {@code updated_at}.
 *
 * <p>Time is the set's own, never the wall clock: generated record {@code i} (1-based) has
 * {@code updated_at = 2026-01-01T00:00:00Z + i s}, and each change moves the set's clock one second
 * past the greatest {@code updated_at} it holds, so runs are reproducible.
 */
public final class RecordSet {

    /** The instant generated records start from: 2026-01-01T00:00:00Z. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, ObjectNode> records = new LinkedHashMap<>();
    private Instant clock = EPOCH;
    /** What the fake serves: rebuilt after a change, shared (never mutated) between requests. */
    private List<JsonNode> view;
    /** Each record of {@link #view} serialised once, so a page is a concatenation, not a rendering. */
    private List<byte[]> viewBytes;

    private RecordSet() {
    }

    /** An empty set. */
    public static RecordSet empty() {
        return new RecordSet();
    }

    /**
     * {@code count} records {@code {"id":"rec-0001","name":"Record 1","amount":"…","updated_at":"…"}},
     * their amounts (two decimals, as a string) drawn from seed 0.
     */
    public static RecordSet generate(int count) {
        return generate(count, 0);
    }

    /** Like {@link #generate(int)}, amounts drawn from {@code seed}. */
    public static RecordSet generate(int count, long seed) {
        if (count < 0) {
            throw new FakeApiConfigException("RecordSet.generate(" + count + "): negative count", "pass 0 or more");
        }
        RecordSet set = new RecordSet();
        for (int i = 1; i <= count; i++) {
            ObjectNode node = JSON.createObjectNode();
            node.put("id", String.format("rec-%04d", i));
            node.put("name", "Record " + i);
            long cents = Math.floorMod(SplitMix64.value(seed, i, 0), 1_000_000L);
            node.put("amount", String.format("%d.%02d", cents / 100, cents % 100));
            node.put("updated_at", EPOCH.plusSeconds(i).toString());
            set.records.put(node.get("id").asString(), node);
            set.clock = EPOCH.plusSeconds(i);
            set.view = null;
        }
        return set;
    }

    /** The caller's records, in order; each must be a map with a string or number {@code id}. */
    public static RecordSet of(List<? extends Map<String, ?>> records) {
        RecordSet set = new RecordSet();
        for (int i = 0; i < records.size(); i++) {
            set.put(JSON.valueToTree(records.get(i)), "record " + i);
        }
        return set;
    }

    /** The records of a JSON file holding an array of objects, each with an {@code id}. */
    public static RecordSet fromJson(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException | JacksonException e) {
            throw new FakeApiConfigException("RecordSet.fromJson: cannot read " + file + ": " + e.getMessage(),
                    "pass a readable file holding a JSON array of objects", e);
        }
        if (root == null || !root.isArray()) {
            throw new FakeApiConfigException("RecordSet.fromJson: " + file + " does not hold a JSON array",
                    "the file must be [ {\"id\": …}, … ]");
        }
        RecordSet set = new RecordSet();
        for (int i = 0; i < root.size(); i++) {
            set.put(root.get(i), file + " element " + i);
        }
        return set;
    }

    private synchronized void put(JsonNode node, String where) {
        if (node == null || !node.isObject() || node.get("id") == null || node.get("id").isContainer()
                || node.get("id").isNull()) {
            throw new FakeApiConfigException("RecordSet: " + where + " is not an object with an id",
                    "every record needs a string or number \"id\"");
        }
        ObjectNode copy = (ObjectNode) node.deepCopy();
        records.put(copy.get("id").asString(), copy);
        view = null;
        JsonNode updated = copy.get("updated_at");
        if (updated != null && updated.isString()) {
            try {
                Instant at = Instant.parse(updated.asString());
                clock = at.isAfter(clock) ? at : clock;
            } catch (RuntimeException ignored) {
                // Not an instant: the caller's own shape; the set's clock just does not follow it.
            }
        }
    }

    /** Adds a record (replacing one with the same id), stamped with the next {@code updated_at}. */
    public synchronized JsonNode add(Map<String, ?> record) {
        ObjectNode node = JSON.valueToTree(record);
        node.put("updated_at", tick().toString());
        put(node, "added record");
        return node.deepCopy();
    }

    /**
     * Sets {@code changes} on the record {@code id} and moves its {@code updated_at} forward.
     *
     * @throws FakeApiConfigException if there is no such record
     */
    public synchronized JsonNode update(String id, Map<String, ?> changes) {
        ObjectNode node = records.get(id);
        if (node == null) {
            throw new FakeApiConfigException("RecordSet.update: no record with id " + id,
                    "update one of " + abbreviatedIds());
        }
        ObjectNode patch = JSON.valueToTree(changes);
        ObjectNode changed = node.deepCopy(); // served views may still hold the old node: never mutate it
        changed.setAll(patch);
        changed.put("updated_at", tick().toString());
        records.put(id, changed);
        view = null;
        return changed.deepCopy();
    }

    /** Removes the record {@code id}; true if it was there. */
    public synchronized boolean remove(String id) {
        view = null;
        return records.remove(id) != null;
    }

    /** The records as served: one shared, unmodifiable list per version of the set (no copy per request). */
    synchronized List<JsonNode> view() {
        if (view == null) {
            view = List.copyOf(records.values());
            viewBytes = null;
        }
        return view;
    }

    /** The JSON bytes of a record of {@link #view()}, cached per version of the set. */
    synchronized byte[] bytesOf(List<JsonNode> fromView, int index) {
        if (fromView != view) {
            return JSON.writeValueAsBytes(fromView.get(index)); // an older or filtered view: render it
        }
        if (viewBytes == null) {
            List<byte[]> out = new ArrayList<>(view.size());
            view.forEach(n -> out.add(JSON.writeValueAsBytes(n)));
            viewBytes = out;
        }
        return viewBytes.get(index);
    }

    private Instant tick() {
        clock = clock.plus(Duration.ofSeconds(1));
        return clock;
    }

    /** The number of records. */
    public synchronized int size() {
        return records.size();
    }

    /** The ids, in order. */
    public synchronized List<String> ids() {
        return List.copyOf(records.keySet());
    }

    /** Copies of the records, in order. */
    public synchronized List<JsonNode> snapshot() {
        List<JsonNode> out = new ArrayList<>(records.size());
        records.values().forEach(n -> out.add(n.deepCopy()));
        return out;
    }

    private String abbreviatedIds() {
        List<String> ids = List.copyOf(records.keySet());
        return ids.size() <= 5 ? ids.toString() : ids.subList(0, 5) + " … (" + ids.size() + " in all)";
    }

    @Override
    public synchronized String toString() {
        return "RecordSet{" + records.size() + " records}";
    }
}
