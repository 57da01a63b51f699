package dev.inlet.core.record;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.POJONode;

/**
 * Maps records to a class or record type with a reader made once. A record a source already bound
 * (a {@link POJONode} holding the type) passes straight through; a tree is bound here.
 */
final class TypedRecordMapper<T> implements RecordMapper<T> {

    private final Class<T> type;
    private final ObjectReader reader;

    TypedRecordMapper(Class<T> type, ObjectReader reader) {
        this.type = type;
        this.reader = reader;
    }

    @Override
    public T map(JsonNode record) {
        if (record instanceof POJONode bound && type.isInstance(bound.getPojo())) {
            return type.cast(bound.getPojo());
        }
        return reader.readValue(record);
    }

    @Override
    public Optional<ObjectReader> directReader() {
        return Optional.of(reader);
    }
}
