package dev.inlet.core.record;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.inlet.core.Json;
import dev.inlet.core.PageSource;

/**
 * Turns a validated raw record into the caller's type. A mapping failure (missing required
 * property, wrong type) becomes a rejection of that record, not the end of the run: throw any
 * {@link tools.jackson.core.JacksonException} or {@link IllegalArgumentException}.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface RecordMapper<T> {

    /** Maps one record. */
    T map(JsonNode record);

    /** Records stay {@link JsonNode} trees. */
    static RecordMapper<JsonNode> json() {
        return record -> record;
    }

    /**
     * Records mapped to a class or record type by Jackson with Inlet's defaults: unknown properties
     * ignored, floating-point numbers as {@link java.math.BigDecimal} (money is never a double).
     */
    static <T> RecordMapper<T> to(Class<T> type) {
        return to(type, Json.mapper());
    }

    /** Records mapped to a type by the caller's mapper. */
    static <T> RecordMapper<T> to(Class<T> type, JsonMapper mapper) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mapper, "mapper");
        if (type == JsonNode.class) {
            return type::cast;
        }
        return new TypedRecordMapper<>(type, mapper.readerFor(type));
    }

    /**
     * A reader that binds records of this mapper's type straight from a body's tokens, if the mapper
     * maps to a type. A source that can use it (see {@link PageSource#binding(ObjectReader)}) then
     * delivers already-bound values, skipping the tree: about twice as fast for typed records. Empty
     * by default.
     */
    default Optional<ObjectReader> directReader() {
        return Optional.empty();
    }
}
