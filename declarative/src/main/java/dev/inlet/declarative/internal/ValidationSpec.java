package dev.inlet.declarative.internal;

import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.record.RecordValidator;
import dev.inlet.core.validation.JsonSchemaValidator;
import dev.inlet.core.validation.JsonType;
import dev.inlet.core.validation.Rules;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * <b>Internal.</b> A stream's validation: an inline JSON Schema ({@code schema:}, compiled and checked
 * against its draft's meta-schema at load) or field rules ({@code rules:}, core's {@link Rules}), and
 * what to do with an invalid record ({@code on_invalid:}). Also the stream's known fields and their
 * types, against which metrics are checked. Immutable.
 *
 * @param validator the validator
 * @param policy what happens to an invalid record
 * @param fields known fields (JSON Pointer to JSON type name, {@code any} when untyped)
 */
public record ValidationSpec(RecordValidator validator, InvalidRecordPolicy policy, Map<String, String> fields) {

    static ValidationSpec read(Section stream) {
        Node schema = stream.get("schema");
        Node rules = stream.get("rules");
        if (schema != null && rules != null) {
            throw Errors.at(rules, "a stream has `schema` or `rules`, not both", "one of them");
        }
        InvalidRecordPolicy policy = switch (stream.choice("on_invalid", "fail", List.of("fail", "skip", "quarantine"))) {
            case "skip" -> InvalidRecordPolicy.SKIP;
            case "quarantine" -> InvalidRecordPolicy.QUARANTINE;
            default -> InvalidRecordPolicy.FAIL;
        };
        if (schema != null) {
            return fromSchema(schema, policy);
        }
        if (rules != null) {
            return fromRules(rules, policy);
        }
        if (stream.has("on_invalid")) {
            throw Errors.at(stream.get("on_invalid"), "`on_invalid` without `schema` or `rules`", "a schema or rules");
        }
        return null;
    }

    private static ValidationSpec fromSchema(Node schema, InvalidRecordPolicy policy) {
        if (!(schema instanceof Node.Mapping)) {
            throw Errors.at(schema, "schema is " + schema.describe(), "a JSON Schema object");
        }
        JsonNode json = Nodes.literal(schema);
        RecordValidator validator;
        try {
            validator = JsonSchemaValidator.builder().schema(json).build();
        } catch (RuntimeException e) {
            throw new DefinitionProblem(schema.location(), schema.path(), "invalid JSON Schema: " + e.getMessage(),
                    "a JSON Schema (draft 2020-12 unless $schema says otherwise)", null, e);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        collect(json, "", fields);
        return new ValidationSpec(validator, policy, fields);
    }

    private static void collect(JsonNode schema, String prefix, Map<String, String> fields) {
        JsonNode properties = schema.get("properties");
        if (properties == null || !properties.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String pointer = prefix + "/" + property.getKey().replace("~", "~0").replace("/", "~1");
            JsonNode type = property.getValue().get("type");
            String name = "any";
            if (type != null && type.isString()) {
                name = type.asString();
            } else if (type != null && type.isArray()) {
                for (JsonNode t : type) {
                    if (!"null".equals(t.asString())) {
                        name = t.asString();
                    }
                }
            }
            fields.put(pointer, name);
            collect(property.getValue(), pointer, fields);
        }
    }

    private static ValidationSpec fromRules(Node node, InvalidRecordPolicy policy) {
        Section s = Section.of(node, "rules", "required", "non_null", "types", "enum", "min", "max", "pattern",
                "date_time");
        Rules.Builder rules = Rules.builder();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String p : pointers(s, "required")) {
            rules.required(p);
            fields.putIfAbsent(p, "any");
        }
        for (String p : pointers(s, "non_null")) {
            rules.nonNull(p);
            fields.putIfAbsent(p, "any");
        }
        for (String p : pointers(s, "date_time")) {
            rules.dateTime(p);
            fields.put(p, "string");
        }
        for (Map.Entry<String, Node> e : entries(s, "types").entrySet()) {
            String type = Section.text(e.getValue()).literalText();
            List<String> names = List.of("string", "number", "integer", "boolean", "object", "array");
            if (!names.contains(type)) {
                throw Errors.at(e.getValue(), "unknown type `" + type + "`", "one of " + String.join(", ", names),
                        Suggestions.nearest(type, names));
            }
            rules.type(e.getKey(), JsonType.valueOf(type.toUpperCase(Locale.ROOT)));
            fields.put(e.getKey(), type);
        }
        for (Map.Entry<String, Node> e : entries(s, "enum").entrySet()) {
            if (!(e.getValue() instanceof Node.Sequence sequence)) {
                throw Errors.at(e.getValue(), "an enum is " + e.getValue().describe(), "a list of allowed values");
            }
            rules.enumOf(e.getKey(), sequence.items().stream().map(i -> Section.text(i).literalText())
                    .toArray(String[]::new));
            fields.putIfAbsent(e.getKey(), "string");
        }
        for (Map.Entry<String, Node> e : entries(s, "min").entrySet()) {
            rules.min(e.getKey(), number(e.getValue()));
            fields.putIfAbsent(e.getKey(), "number");
        }
        for (Map.Entry<String, Node> e : entries(s, "max").entrySet()) {
            rules.max(e.getKey(), number(e.getValue()));
            fields.putIfAbsent(e.getKey(), "number");
        }
        for (Map.Entry<String, Node> e : entries(s, "pattern").entrySet()) {
            try {
                rules.pattern(e.getKey(), Section.text(e.getValue()).literalText());
            } catch (IllegalArgumentException ex) {
                throw Errors.at(e.getValue(), "invalid pattern: " + ex.getMessage(), "a Java regular expression");
            }
            fields.putIfAbsent(e.getKey(), "string");
        }
        return new ValidationSpec(rules.build(), policy, fields);
    }

    private static BigDecimal number(Node node) {
        if (node instanceof Node.Scalar scalar && (scalar.kind() == Node.Scalar.Kind.INTEGER
                || scalar.kind() == Node.Scalar.Kind.DECIMAL)) {
            return new BigDecimal(scalar.text());
        }
        throw Errors.at(node, "a bound is " + node.describe(), "a number");
    }

    private static List<String> pointers(Section s, String key) {
        List<String> pointers = s.words(key);
        for (String p : pointers) {
            requirePointer(s.get(key), p);
        }
        return pointers;
    }

    private static Map<String, Node> entries(Section s, String key) {
        Node node = s.get(key);
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof Node.Mapping mapping)) {
            throw Errors.at(node, key + " is " + node.describe(), "a mapping of JSON Pointers to values");
        }
        for (String p : mapping.entries().keySet()) {
            requirePointer(mapping.get(p), p);
        }
        return mapping.entries();
    }

    private static void requirePointer(Node at, String p) {
        if (!p.startsWith("/")) {
            throw Errors.at(at, "`" + p + "` is not a JSON Pointer", "a pointer such as /" + p, "/" + p);
        }
    }
}
