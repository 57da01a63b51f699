package dev.inlet.core.validation;

import dev.inlet.core.record.RecordValidator;
import dev.inlet.core.record.Validation;
import dev.inlet.core.record.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.StringNode;

/**
 * Field rules for the everyday checks, without writing a JSON Schema: required, non-null, type,
 * enum, min/max, pattern, ISO-8601 date-time, caller-defined checks, and defaults for missing
 * optional fields. Fields are named by JSON Pointer ({@code /amount}, {@code /customer/email}).
 *
 * <pre>{@code
 * Rules rules = Rules.builder()
 *         .required("/id", "/amount")
 *         .type("/amount", JsonType.NUMBER).min("/amount", 0)
 *         .enumOf("/status", "paid", "refunded")
 *         .pattern("/email", "^[^@\\s]+@[^@\\s]+$")
 *         .dateTime("/created_at")
 *         .defaultValue("/currency", "usd")
 *         .build();
 * }</pre>
 *
 * <p>How a record is judged:
 * <ol>
 *   <li>first every default fills its field if it is absent or null and its parent object exists
 *       (in a copy: the input is never changed, and a record that needs no default is not copied);</li>
 *   <li>then, field by field in the order the fields were first named, an absent field breaks
 *       {@code required} and a null one {@code non-null}; otherwise absent and null fields are not
 *       checked further (they are optional);</li>
 *   <li>a present, non-null value is checked against {@code type}, {@code enum}, {@code min},
 *       {@code max}, {@code pattern}, {@code date-time} and custom rules, and every failure is
 *       reported (not just the first); a value of the wrong {@code type} is reported once, as such,
 *       and not checked further.</li>
 * </ol>
 *
 * <p>Each failure is a {@link Violation} whose pointer is the field and whose rule is one of
 * {@code required}, {@code non-null}, {@code type}, {@code enum}, {@code min}, {@code max},
 * {@code pattern}, {@code date-time}, or the name given to a custom check. Immutable and thread-safe;
 * patterns are compiled once, when the builder method is called.
 */
public final class Rules implements RecordValidator {

    private final List<FieldChecks> checked;
    private final List<FieldChecks> defaulted;

    private Rules(List<FieldChecks> fields) {
        List<FieldChecks> checks = new ArrayList<>();
        List<FieldChecks> defaults = new ArrayList<>();
        for (FieldChecks field : fields) {
            if (field.defaultValue != null) {
                defaults.add(field);
            }
            if (field.required || field.nonNull || field.checksValues()) {
                checks.add(field);
            }
        }
        this.checked = List.copyOf(checks);
        this.defaulted = List.copyOf(defaults);
    }

    /** A builder with no rules (its {@link Builder#build()} accepts every record unchanged). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fills defaults, then checks every rule.
     *
     * @throws IllegalArgumentException if {@code record} is Java {@code null} (a JSON null is a
     *     {@code NullNode}, and is judged like any other record)
     */
    @Override
    public Validation validate(JsonNode record) {
        if (record == null) {
            throw new IllegalArgumentException("Rules.validate needs a record; got Java null");
        }
        JsonNode result = defaulted.isEmpty() ? record : fillDefaults(record);
        List<Violation> violations = new ArrayList<>(0);
        for (FieldChecks field : checked) {
            field.check(result, violations);
        }
        return violations.isEmpty() ? Validation.valid(result) : new Validation(result, violations);
    }

    private JsonNode fillDefaults(JsonNode record) {
        RecordCopy copy = null;
        for (FieldChecks field : defaulted) {
            JsonNode current = (copy == null ? record : copy.result());
            JsonNode value = field.path.find(current);
            if (value.isMissingNode() || value.isNull()) {
                if (copy == null) {
                    copy = new RecordCopy(record);
                }
                // A container default is copied for each record: records must not share mutable nodes.
                JsonNode fill = field.defaultValue.isContainer() ? field.defaultValue.deepCopy() : field.defaultValue;
                copy.set(field.path, fill);
            }
        }
        return copy == null ? record : copy.result();
    }

    /** The rules, field by field. */
    @Override
    public String toString() {
        List<String> fields = new ArrayList<>();
        for (FieldChecks field : checked) {
            fields.add(field.describe());
        }
        for (FieldChecks field : defaulted) {
            if (!checked.contains(field)) {
                fields.add(field.describe());
            }
        }
        return "Rules[" + String.join("; ", fields) + "]";
    }

    /**
     * Builds {@link Rules}. Not thread-safe; the rules it builds are. Each kind of rule may be given
     * once per field (a second {@code type} for the same field is a mistake, and is refused).
     * Misconfiguration fails fast with an {@link IllegalArgumentException} naming the field.
     *
     * <p>Defaults: no rules; patterns use {@link java.util.regex.Matcher#find()} semantics like JSON
     * Schema (anchor with {@code ^…$} to match the whole value).
     */
    public static final class Builder {

        private final Map<String, FieldChecks> fields = new LinkedHashMap<>();

        private Builder() {
        }

        /** The fields must be present (a present null counts as present; add {@link #nonNull} to refuse it). */
        public Builder required(String... pointers) {
            for (String pointer : pointers) {
                field(pointer, "required", false).required = true;
            }
            return this;
        }

        /** The fields, when present, must not be JSON null. */
        public Builder nonNull(String... pointers) {
            for (String pointer : pointers) {
                field(pointer, "nonNull", false).nonNull = true;
            }
            return this;
        }

        /** The field, when present and not null, must have this JSON type. */
        public Builder type(String pointer, JsonType type) {
            Objects.requireNonNull(type, "type");
            FieldChecks field = field(pointer, "type", true);
            once(field.type, field, "type");
            field.type = type;
            return this;
        }

        /** The field, when present and not null, must be one of these strings (compared exactly). */
        public Builder enumOf(String pointer, String... allowed) {
            FieldChecks field = field(pointer, "enumOf", true);
            once(field.allowed, field, "enumOf");
            if (allowed.length == 0) {
                throw new IllegalArgumentException("enumOf(" + pointer + "): give at least one allowed value");
            }
            Set<String> values = new LinkedHashSet<>(Arrays.asList(allowed));
            if (values.contains(null)) {
                throw new IllegalArgumentException("enumOf(" + pointer + "): allowed values must not be null; "
                        + "null is always allowed unless nonNull(\"" + pointer + "\") is set");
            }
            field.allowed = Set.copyOf(values);
            field.allowedText = values.toString();
            return this;
        }

        /** The field, when present and not null, must be a number {@code >= min}. */
        public Builder min(String pointer, long min) {
            return min(pointer, BigDecimal.valueOf(min));
        }

        /** The field, when present and not null, must be a number {@code >= min} (compared exactly). */
        public Builder min(String pointer, BigDecimal min) {
            Objects.requireNonNull(min, "min");
            FieldChecks field = field(pointer, "min", true);
            once(field.min, field, "min");
            field.min = min;
            return this;
        }

        /** The field, when present and not null, must be a number {@code <= max}. */
        public Builder max(String pointer, long max) {
            return max(pointer, BigDecimal.valueOf(max));
        }

        /** The field, when present and not null, must be a number {@code <= max} (compared exactly). */
        public Builder max(String pointer, BigDecimal max) {
            Objects.requireNonNull(max, "max");
            FieldChecks field = field(pointer, "max", true);
            once(field.max, field, "max");
            field.max = max;
            return this;
        }

        /**
         * The field, when present and not null, must be a string in which the regular expression
         * (Java syntax) finds a match. Compiled now, once.
         *
         * @throws IllegalArgumentException if the expression does not compile
         */
        public Builder pattern(String pointer, String regex) {
            Objects.requireNonNull(regex, "regex");
            FieldChecks field = field(pointer, "pattern", true);
            once(field.pattern, field, "pattern");
            try {
                field.pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("pattern(" + pointer + "): not a valid regular expression: "
                        + e.getMessage(), e);
            }
            return this;
        }

        /**
         * The field, when present and not null, must be an ISO-8601 date-time with an offset, e.g.
         * {@code 2024-05-01T12:00:00Z} or {@code 2024-05-01T14:00:00.250+02:00}.
         */
        public Builder dateTime(String pointer) {
            field(pointer, "dateTime", true).dateTime = true;
            return this;
        }

        /**
         * The field, when present and not null, must pass a check of your own.
         *
         * @param rule the rule name reported and counted (e.g. {@code "currency-known"})
         * @param test true if the value is acceptable; it must be thread-safe (should it throw, the
         *     record is rejected under this rule, with the exception in the message)
         * @param message what the value must be, e.g. {@code "must be an ISO 4217 code"}
         */
        public Builder check(String pointer, String rule, Predicate<JsonNode> test, String message) {
            if (rule == null || rule.isBlank()) {
                throw new IllegalArgumentException("check(" + pointer + "): a custom check needs a rule name");
            }
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(message, "message");
            field(pointer, "check", true).custom.add(new FieldChecks.Custom(rule, test, message));
            return this;
        }

        /** A missing (absent or null) field gets this string; see {@link #defaultValue(String, JsonNode)}. */
        public Builder defaultValue(String pointer, String value) {
            return defaultValue(pointer, StringNode.valueOf(Objects.requireNonNull(value, "value")));
        }

        /** A missing (absent or null) field gets this number. */
        public Builder defaultValue(String pointer, long value) {
            return defaultValue(pointer, LongNode.valueOf(value));
        }

        /** A missing (absent or null) field gets this exact decimal. */
        public Builder defaultValue(String pointer, BigDecimal value) {
            return defaultValue(pointer, DecimalNode.valueOf(Objects.requireNonNull(value, "value")));
        }

        /** A missing (absent or null) field gets this boolean. */
        public Builder defaultValue(String pointer, boolean value) {
            return defaultValue(pointer, BooleanNode.valueOf(value));
        }

        /**
         * A missing (absent or null) field gets this value, in a copy of the record. The field's parent
         * object must exist: defaults fill fields, they do not invent objects. A field with a default
         * is optional, so it cannot also be {@link #required}; the default must pass the field's own
         * checks (checked by {@link #build()}).
         */
        public Builder defaultValue(String pointer, JsonNode value) {
            Objects.requireNonNull(value, "value");
            if (value.isNull() || value.isMissingNode()) {
                throw new IllegalArgumentException("defaultValue(" + pointer + "): a default must be a value, "
                        + "not null or missing");
            }
            FieldChecks field = field(pointer, "defaultValue", false);
            once(field.defaultValue, field, "defaultValue");
            field.defaultValue = value.deepCopy();
            return this;
        }

        /**
         * The immutable rules.
         *
         * @throws IllegalArgumentException if a field is both required and defaulted, has
         *     {@code min > max}, or has a default that breaks its own checks
         */
        public Rules build() {
            List<FieldChecks> frozen = new ArrayList<>();
            for (FieldChecks field : fields.values()) {
                if (field.min != null && field.max != null && field.min.compareTo(field.max) > 0) {
                    throw new IllegalArgumentException("Field " + field.path + ": min " + field.min.toPlainString()
                            + " is greater than max " + field.max.toPlainString() + "; no value could pass");
                }
                if (field.defaultValue != null) {
                    vetDefault(field);
                }
                frozen.add(field.copy());
            }
            return new Rules(frozen);
        }

        private static void vetDefault(FieldChecks field) {
            if (field.required) {
                throw new IllegalArgumentException("Field " + field.path + " is required and has a default; a "
                        + "default makes a field optional, so drop one of the two");
            }
            List<Violation> problems = new ArrayList<>();
            field.checkValue(field.defaultValue, problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("The default " + field.defaultValue + " for " + field.path
                        + " breaks the field's own rules: " + problems);
            }
        }

        /**
         * The field's checks, created on first mention.
         *
         * @param wholeRecordAllowed whether {@code ""} (the record itself) makes sense for the rule:
         *     value checks do, presence and defaults do not
         */
        private FieldChecks field(String pointer, String method, boolean wholeRecordAllowed) {
            FieldPath path = wholeRecordAllowed ? FieldPath.parse(pointer, method) : FieldPath.parseField(pointer, method);
            return fields.computeIfAbsent(path.pointer(), p -> new FieldChecks(path));
        }

        private static void once(Object existing, FieldChecks field, String method) {
            if (existing != null) {
                throw new IllegalArgumentException(method + "(" + field.path + ") was already given for this "
                        + "field; give each kind of rule once per field");
            }
        }
    }
}
