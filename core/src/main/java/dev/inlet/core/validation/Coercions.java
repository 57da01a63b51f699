package dev.inlet.core.validation;

import dev.inlet.core.record.RecordValidator;
import dev.inlet.core.record.Validation;
import dev.inlet.core.record.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Explicit, per-field type conversions for APIs that send numbers, timestamps and booleans as
 * strings. Nothing is converted unless a field is named here.
 *
 * <pre>{@code
 * Coercions coercions = Coercions.builder()
 *         .toDecimal("/amount")                      // "12.50" -> 12.50 (BigDecimal, exact)
 *         .toInstant("/created", EpochUnit.SECONDS)  // 1714564800 -> "2024-05-01T12:00:00Z"
 *         .toBoolean("/livemode")                    // "true" -> true
 *         .build();
 * RecordValidator validator = coercions.andThen(rules);  // coerce first, then check
 * }</pre>
 *
 * <p>Absent and null fields are left alone (whether they may be missing is for {@link Rules} or a
 * schema to say). A value that cannot be converted is reported as a {@link Violation} with rule
 * {@code coerce} and the field's pointer, and left unchanged; it never throws. Converted values go
 * into a copy of the record (only the objects on the way to a changed field are copied); the input
 * is never changed, and a record whose values are already in the target form is not copied.
 * Immutable and thread-safe.
 */
public final class Coercions implements RecordValidator {

    /** The rule name of a value that could not be converted. */
    public static final String RULE = "coerce";

    private final List<FieldPath> paths;
    private final List<FieldCoercion> coercions;

    private Coercions(Map<FieldPath, FieldCoercion> byField) {
        this.paths = List.copyOf(byField.keySet());
        this.coercions = List.copyOf(byField.values());
    }

    /** A builder with no conversions. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Converts every named field that is present and not null.
     *
     * @throws IllegalArgumentException if {@code record} is Java {@code null}
     */
    @Override
    public Validation validate(JsonNode record) {
        if (record == null) {
            throw new IllegalArgumentException("Coercions.validate needs a record; got Java null");
        }
        RecordCopy copy = null;
        List<Violation> violations = null;
        for (int i = 0; i < paths.size(); i++) {
            FieldPath path = paths.get(i);
            JsonNode value = path.find(record);
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            FieldCoercion coercion = coercions.get(i);
            JsonNode converted = coercion.apply(value);
            if (converted == null) {
                if (violations == null) {
                    violations = new ArrayList<>(2);
                }
                violations.add(new Violation(path.pointer(), RULE,
                        "cannot be read as " + coercion.expected() + ", was " + Describe.value(value)));
            } else if (converted != value) {
                if (copy == null) {
                    copy = new RecordCopy(record);
                }
                copy.set(path, converted);
            }
        }
        JsonNode result = copy == null ? record : copy.result();
        return violations == null ? Validation.valid(result) : new Validation(result, violations);
    }

    /** The conversions, field by field. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            parts.add(paths.get(i) + " -> " + coercions.get(i).expected());
        }
        return "Coercions[" + String.join("; ", parts) + "]";
    }

    /**
     * Builds {@link Coercions}. Not thread-safe; what it builds is. One conversion per field; naming
     * a field twice is refused with an {@link IllegalArgumentException}. Default: no conversions.
     */
    public static final class Builder {

        private final Map<FieldPath, FieldCoercion> byField = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Numeric strings become exact decimals ({@link java.math.BigDecimal}, never {@code double}):
         * {@code "12.50"}, {@code "-3"}, {@code "1e3"}. Numbers are kept as they are. Refused:
         * anything else, including {@code ""}, {@code "N/A"}, {@code "1,000.00"} and {@code " 12"}.
         */
        public Builder toDecimal(String... pointers) {
            for (String pointer : pointers) {
                add(pointer, DecimalCoercion.INSTANCE, "toDecimal");
            }
            return this;
        }

        /**
         * ISO-8601 date-time strings with an offset become ISO-8601 instants in UTC
         * ({@code "2024-05-01T14:00:00+02:00"} → {@code "2024-05-01T12:00:00Z"}), ready to map to
         * {@link java.time.Instant}. Numbers are refused: name their unit with
         * {@link #toInstant(String, EpochUnit)}.
         */
        public Builder toInstant(String pointer) {
            return add(pointer, new InstantCoercion(null), "toInstant");
        }

        /**
         * Like {@link #toInstant(String)}, and epoch numbers (or numeric strings) in the given unit
         * are accepted too: {@code 1714564800} seconds → {@code "2024-05-01T12:00:00Z"}. The unit is
         * never guessed from the size of the number.
         */
        public Builder toInstant(String pointer, EpochUnit unit) {
            Objects.requireNonNull(unit, "unit");
            return add(pointer, new InstantCoercion(unit), "toInstant");
        }

        /** The strings {@code "true"} and {@code "false"} become booleans; booleans are kept. */
        public Builder toBoolean(String... pointers) {
            for (String pointer : pointers) {
                add(pointer, BooleanCoercion.INSTANCE, "toBoolean");
            }
            return this;
        }

        /** The immutable coercions. */
        public Coercions build() {
            return new Coercions(byField);
        }

        private Builder add(String pointer, FieldCoercion coercion, String method) {
            FieldPath path = FieldPath.parseField(pointer, method);
            if (byField.containsKey(path)) {
                throw new IllegalArgumentException(method + "(" + pointer + "): the field already has a "
                        + "conversion (" + byField.get(path).expected() + "); give one per field");
            }
            byField.put(path, coercion);
            return this;
        }
    }
}
