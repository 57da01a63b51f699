package dev.inlet.core.validation;

import dev.inlet.core.record.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Everything {@link Rules} checks about one field, looked up once per record. Presence and null are
 * judged first; the value checks (type, enum, min, max, pattern, date-time, custom) run only on a
 * present, non-null value, so an optional field may be absent or null unless a rule says otherwise.
 * A value of the wrong type gets one {@code type} violation and no other.
 *
 * <p>Mutable only while a {@link Rules.Builder} fills it; a built {@link Rules} holds copies that
 * nothing changes afterwards (and publishes them through final fields).
 */
final class FieldChecks {

    /** A caller's own check. */
    record Custom(String rule, Predicate<JsonNode> test, String message) {
    }

    final FieldPath path;
    boolean required;
    boolean nonNull;
    JsonType type;
    Set<String> allowed;
    String allowedText;
    BigDecimal min;
    BigDecimal max;
    Pattern pattern;
    boolean dateTime;
    JsonNode defaultValue;
    final List<Custom> custom = new ArrayList<>();

    FieldChecks(FieldPath path) {
        this.path = path;
    }

    /** An independent copy, so a built {@link Rules} is not changed by later use of its builder. */
    FieldChecks copy() {
        FieldChecks copy = new FieldChecks(path);
        copy.required = required;
        copy.nonNull = nonNull;
        copy.type = type;
        copy.allowed = allowed;
        copy.allowedText = allowedText;
        copy.min = min;
        copy.max = max;
        copy.pattern = pattern;
        copy.dateTime = dateTime;
        copy.defaultValue = defaultValue;
        copy.custom.addAll(custom);
        return copy;
    }

    /** Whether any check applies to a present, non-null value. */
    boolean checksValues() {
        return type != null || allowed != null || min != null || max != null || pattern != null || dateTime
                || !custom.isEmpty();
    }

    /** Adds a violation for each rule the value breaks. */
    void check(JsonNode record, List<Violation> out) {
        JsonNode value = path.find(record);
        if (value.isMissingNode()) {
            if (required) {
                out.add(violation("required", "is required but missing"));
            }
            return;
        }
        if (value.isNull()) {
            if (nonNull) {
                out.add(violation("non-null", "must not be null"));
            }
            return;
        }
        checkValue(value, out);
    }

    /** The value checks alone, for a present non-null value (also used to vet a default at build time). */
    void checkValue(JsonNode value, List<Violation> out) {
        if (type != null && !type.matches(value)) {
            // One reason, not one per rule: min, pattern … say nothing useful about a value of the wrong type.
            out.add(violation("type", "must be " + type.description() + ", was " + Describe.type(value)));
            return;
        }
        if (allowed != null && !(value.isString() && allowed.contains(value.stringValue()))) {
            out.add(violation("enum", "must be one of " + allowedText + ", was " + Describe.value(value)));
        }
        if (min != null || max != null) {
            checkRange(value, out);
        }
        if (pattern != null) {
            if (!value.isString()) {
                out.add(violation("pattern", "must be a string matching " + pattern.pattern() + ", was "
                        + Describe.type(value)));
            } else if (!pattern.matcher(value.stringValue()).find()) {
                // The value is not shown: patterns guard free text such as e-mail addresses.
                out.add(violation("pattern", "does not match " + pattern.pattern()));
            }
        }
        if (dateTime && !(value.isString() && IsoDateTimes.parse(value.stringValue()) != null)) {
            out.add(violation("date-time", "must be an ISO-8601 date-time with an offset such as "
                    + "2024-05-01T12:00:00Z, was " + Describe.value(value)));
        }
        for (Custom c : custom) {
            checkCustom(c, value, out);
        }
    }

    private void checkCustom(Custom c, JsonNode value, List<Violation> out) {
        boolean passed;
        try {
            passed = c.test().test(value);
        } catch (RuntimeException e) {
            // A failing check must not end the run or wave the record through: the record is rejected.
            out.add(violation(c.rule(), c.message() + " (the check failed: " + e + ")"));
            return;
        }
        if (!passed) {
            out.add(violation(c.rule(), c.message()));
        }
    }

    private void checkRange(JsonNode value, List<Violation> out) {
        if (!value.isNumber() || !Numbers.isFinite(value)) {
            String rule = min != null ? "min" : "max";
            out.add(violation(rule, "must be a number" + rangeText() + ", was " + Describe.type(value)));
            return;
        }
        BigDecimal number = Numbers.exact(value);
        if (min != null && number.compareTo(min) < 0) {
            out.add(violation("min", "must be >= " + min.toPlainString() + ", was " + Describe.value(value)));
        }
        if (max != null && number.compareTo(max) > 0) {
            out.add(violation("max", "must be <= " + max.toPlainString() + ", was " + Describe.value(value)));
        }
    }

    private String rangeText() {
        StringBuilder out = new StringBuilder();
        if (min != null) {
            out.append(" >= ").append(min.toPlainString());
        }
        if (max != null) {
            out.append(min != null ? " and" : "").append(" <= ").append(max.toPlainString());
        }
        return out.toString();
    }

    private Violation violation(String rule, String message) {
        return new Violation(path.pointer(), rule, message);
    }

    /** The rules in words, for {@code toString}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (required) {
            parts.add("required");
        }
        if (nonNull) {
            parts.add("non-null");
        }
        if (type != null) {
            parts.add("type " + type.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (allowed != null) {
            parts.add("enum " + allowedText);
        }
        if (min != null) {
            parts.add("min " + min.toPlainString());
        }
        if (max != null) {
            parts.add("max " + max.toPlainString());
        }
        if (pattern != null) {
            parts.add("pattern " + pattern.pattern());
        }
        if (dateTime) {
            parts.add("date-time");
        }
        custom.forEach(c -> parts.add(c.rule()));
        if (defaultValue != null) {
            parts.add("default " + defaultValue);
        }
        return path.pointer() + " " + String.join(", ", parts);
    }
}
