package dev.inlet.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import dev.inlet.core.internal.Redaction;

/**
 * An immutable, multi-valued map of HTTP header fields whose names compare case-insensitively.
 *
 * <p>Order of values under one name is kept; names are stored as first given. {@link #toString()}
 * masks the values of credential-bearing fields ({@code Authorization}, {@code Cookie}, API-key
 * headers …) so a {@code Headers} can be logged safely.
 */
public final class Headers {

    private static final Headers EMPTY = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final Map<String, List<String>> fields;

    private Headers(TreeMap<String, List<String>> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** The empty header map. */
    public static Headers empty() {
        return EMPTY;
    }

    /** Headers from alternating names and values: {@code Headers.of("Accept", "application/json")}. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Headers.of takes name/value pairs; got an odd number of strings");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /** Headers copied from a map such as {@code java.net.http.HttpHeaders.map()}. */
    public static Headers of(Map<String, List<String>> map) {
        Builder builder = builder();
        map.forEach((name, values) -> values.forEach(v -> builder.add(name, v)));
        return builder.build();
    }

    /** A builder for a new header map. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with these headers. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        fields.forEach((name, values) -> values.forEach(v -> builder.add(name, v)));
        return builder;
    }

    /** The first value of the field, if present. */
    public Optional<String> first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All values of the field, in the order received; empty if absent. */
    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** Whether the field is present. */
    public boolean contains(String name) {
        return fields.containsKey(name);
    }

    /** The field names, case-insensitively ordered. */
    public Set<String> names() {
        return fields.keySet();
    }

    /** Whether there are no fields. */
    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Calls the action once per (name, value) pair. */
    public void forEach(BiConsumer<String, String> action) {
        fields.forEach((name, values) -> values.forEach(v -> action.accept(name, v)));
    }

    /** A view as an unmodifiable map from name to values. */
    public Map<String, List<String>> asMap() {
        return fields;
    }

    /** A copy with the field set to this single value, replacing any existing values. */
    public Headers with(String name, String value) {
        return toBuilder().set(name, value).build();
    }

    /** A copy without the field. */
    public Headers without(String name) {
        return toBuilder().remove(name).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    /** The fields with credential values masked, e.g. {@code {Authorization=[***], Accept=[application/json]}}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((name, values) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(name).append('=');
            out.append(Redaction.isSensitiveHeader(name) ? "[***]" : values.toString());
        });
        return out.append('}').toString();
    }

    /** Builds a {@link Headers}; not thread-safe. */
    public static final class Builder {
        private final TreeMap<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {
        }

        /** Adds a value, keeping existing ones. */
        public Builder add(String name, String value) {
            checkName(name);
            Objects.requireNonNull(value, () -> "value of header " + name);
            fields.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            return this;
        }

        /** Sets the only value, replacing existing ones. */
        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        /** Removes the field. */
        public Builder remove(String name) {
            fields.remove(name);
            return this;
        }

        /** Adds every field of the other headers. */
        public Builder addAll(Headers other) {
            other.forEach(this::add);
            return this;
        }

        /** The immutable headers. */
        public Headers build() {
            TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            return copy.isEmpty() ? EMPTY : new Headers(copy);
        }

        private static void checkName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("header name must not be blank");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= ' ' || c >= 0x7f || c == ':') {
                    throw new IllegalArgumentException("header name '" + name.toLowerCase(Locale.ROOT)
                            + "' has an illegal character at index " + i);
                }
            }
        }
    }
}
