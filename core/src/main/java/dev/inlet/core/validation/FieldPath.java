package dev.inlet.core.validation;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * A field of a record named by a JSON Pointer (RFC 6901), parsed once when a validator is built so
 * that looking it up per record costs no parsing.
 */
final class FieldPath {

    private final String pointer;
    private final JsonPointer compiled;
    private final List<String> segments;

    private FieldPath(String pointer, JsonPointer compiled, List<String> segments) {
        this.pointer = pointer;
        this.compiled = compiled;
        this.segments = segments;
    }

    /**
     * Parses a pointer given to a builder.
     *
     * @param what the builder method, for the error message
     * @throws IllegalArgumentException if it is not a JSON Pointer
     */
    static FieldPath parse(String pointer, String what) {
        if (pointer == null) {
            throw new IllegalArgumentException(what + ": the field pointer must not be null");
        }
        if (!pointer.isEmpty() && pointer.charAt(0) != '/') {
            throw new IllegalArgumentException(what + ": '" + pointer + "' is not a JSON Pointer; pointers start "
                    + "with '/', e.g. '/" + pointer + "' or '/customer/email'");
        }
        JsonPointer compiled;
        try {
            compiled = JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": '" + pointer + "' is not a valid JSON Pointer ("
                    + e.getMessage() + "); escape '~' as '~0' and '/' inside a name as '~1'", e);
        }
        List<String> segments = new ArrayList<>();
        for (JsonPointer p = compiled; !p.matches(); p = p.tail()) {
            segments.add(p.getMatchingProperty());
        }
        return new FieldPath(pointer, compiled, List.copyOf(segments));
    }

    /** Parses a pointer that must name a field inside the record (not the record itself). */
    static FieldPath parseField(String pointer, String what) {
        FieldPath path = parse(pointer, what);
        if (path.isRoot()) {
            throw new IllegalArgumentException(what + ": the pointer \"\" is the whole record; name a field, "
                    + "e.g. '/id'");
        }
        return path;
    }

    /** The value at this path: a missing node if any step is absent. */
    JsonNode find(JsonNode record) {
        return record.at(compiled);
    }

    /** The pointer as given (and as reported in violations). */
    String pointer() {
        return pointer;
    }

    /** The unescaped steps: property names or array indexes as text. */
    List<String> segments() {
        return segments;
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath other && pointer.equals(other.pointer);
    }

    @Override
    public int hashCode() {
        return pointer.hashCode();
    }

    @Override
    public String toString() {
        return pointer;
    }
}
