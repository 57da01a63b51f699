package dev.inlet.declarative.internal;

import dev.inlet.core.metrics.Aggregation;
import dev.inlet.core.metrics.Fields;
import dev.inlet.core.metrics.Grain;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * <b>Internal.</b> A metric ({@code metrics:}), checked against its stream's known fields at load and
 * mapped onto core's {@link Aggregation}. Immutable.
 *
 * @param name the metric's name
 * @param description what it measures
 * @param owner who answers for it, or null
 * @param stream the stream it is computed over
 * @param measure {@code count}, {@code sum}, {@code average} or {@code distinct_count}
 * @param field the measured field (JSON Pointer), null for {@code count}
 * @param time the record's time field (JSON Pointer)
 * @param filters the conditions a record must meet to count
 * @param dimensions the fields grouped by (JSON Pointers)
 * @param grain the bucket width
 * @param zone the time zone of the buckets
 * @param node where it was written
 */
public record MetricSpec(String name, String description, String owner, String stream, String measure, String field,
        String time, List<FilterSpec> filters, List<String> dimensions, Grain grain, ZoneId zone, Node node) {

    /** The measures. */
    public static final List<String> MEASURES = List.of("count", "sum", "average", "distinct_count");

    /**
     * One filter: the field equals one of the values (or none of them, with {@code not}).
     *
     * @param field the JSON Pointer
     * @param values the values, compared as text
     * @param negated whether the record must match none of them
     */
    public record FilterSpec(String field, List<String> values, boolean negated) {

        boolean test(JsonNode record) {
            JsonNode value = record.at(field);
            String text = value.isMissingNode() || value.isNull() ? null : value.asString();
            return values.contains(text) != negated;
        }
    }

    static MetricSpec read(String name, Node node, Map<String, StreamSpec> streams) {
        Section s = Section.of(node, "metric `" + name + "`", "description", "owner", "stream", "measure", "field",
                "time", "filters", "dimensions", "grain", "zone");
        String streamName = s.word("stream");
        StreamSpec stream = streams.get(streamName);
        if (stream == null) {
            throw Errors.at(s.get("stream"), "no stream `" + streamName + "`",
                    "one of " + String.join(", ", streams.keySet()), Suggestions.nearest(streamName, streams.keySet()));
        }
        if (stream.validation() == null) {
            throw Errors.at(s.get("stream"), "stream `" + streamName + "` declares no `schema` or `rules`, so the metric"
                    + " cannot be checked", "a schema (or rules) on the stream naming the fields the metric uses");
        }
        Map<String, String> fields = stream.validation().fields();
        String measure = s.choice("measure", null, MEASURES);
        if (measure == null) {
            throw Errors.at(node, "the metric has no `measure`", "measure: one of " + String.join(", ", MEASURES));
        }
        String field = null;
        if (!measure.equals("count")) {
            s.require("field");
            field = known(s, "field", fields, measure.equals("distinct_count") ? null : List.of("number", "integer",
                    "string"));
        } else if (s.has("field")) {
            throw Errors.at(s.get("field"), "a count has no field", "no `field` (or measure: distinct_count)");
        }
        String time;
        if (s.has("time")) {
            time = known(s, "time", fields, List.of("string", "integer", "number"));
        } else if (stream.incremental() != null) {
            time = stream.incremental().cursorField();
        } else {
            throw Errors.at(node, "the metric has no `time` and its stream no incremental cursor",
                    "time: the JSON Pointer of the record's time field");
        }
        List<FilterSpec> filters = new ArrayList<>();
        Node filterNode = s.get("filters");
        if (filterNode != null) {
            if (!(filterNode instanceof Node.Sequence list)) {
                throw Errors.at(filterNode, "filters is " + filterNode.describe(), "a list of {field, equals|not}");
            }
            for (Node item : list.items()) {
                Section f = Section.of(item, "a filter", "field", "equals", "not");
                String pointer = known(f, "field", fields, null);
                if (f.has("equals") == f.has("not")) {
                    throw Errors.at(item, "a filter needs exactly one of `equals` and `not`", "equals: value(s)");
                }
                String key = f.has("equals") ? "equals" : "not";
                filters.add(new FilterSpec(pointer, f.words(key), key.equals("not")));
            }
        }
        List<String> dimensions = new ArrayList<>();
        Node dimensionNode = s.get("dimensions");
        for (String d : s.words("dimensions")) {
            checkKnown(dimensionNode, d, fields);
            dimensions.add(d);
        }
        String grainName = s.choice("grain", "day", List.of("hour", "day", "week", "month"));
        ZoneId zone;
        String zoneName = s.word("zone", "UTC");
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw Errors.at(s.get("zone"), "unknown time zone `" + zoneName + "`", "a zone id such as UTC or Europe/Berlin");
        }
        return new MetricSpec(name, s.word("description"), s.word("owner", null), streamName, measure, field, time,
                List.copyOf(filters), List.copyOf(dimensions), Grain.valueOf(grainName.toUpperCase(Locale.ROOT)), zone,
                node);
    }

    private static String known(Section s, String key, Map<String, String> fields, List<String> types) {
        s.require(key);
        String pointer = s.word(key);
        checkKnown(s.get(key), pointer, fields);
        String type = fields.get(pointer);
        if (types != null && !"any".equals(type) && !types.contains(type)) {
            throw Errors.at(s.get(key), "field " + pointer + " is of type " + type + " in the stream's schema",
                    "a field of type " + String.join(" or ", types));
        }
        return pointer;
    }

    private static void checkKnown(Node at, String pointer, Map<String, String> fields) {
        if (!fields.containsKey(pointer)) {
            throw Errors.at(at, "field " + pointer + " is not in the stream's schema",
                    "one of " + String.join(", ", fields.keySet()), Suggestions.nearest(pointer, fields.keySet()));
        }
    }

    /** Whether a record counts. */
    public Predicate<JsonNode> filter() {
        return record -> filters.stream().allMatch(f -> f.test(record));
    }

    /** The aggregation of records (already filtered). */
    public Aggregation<JsonNode> aggregation() {
        Aggregation.Builder<JsonNode> builder = Aggregation.builder(Fields.instant(time)).grain(grain).zone(zone);
        for (String d : dimensions) {
            builder.dimension(d.substring(1).replace('/', '.'), Fields.text(d));
        }
        switch (measure) {
            case "count" -> builder.count(name);
            case "sum" -> builder.sum(name, Fields.decimal(field));
            case "average" -> builder.average(name, Fields.decimal(field));
            default -> builder.distinctCount(name, Fields.text(field));
        }
        return builder.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricSpec m && m.name.equals(name) && Objects.equals(m.node, node);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
