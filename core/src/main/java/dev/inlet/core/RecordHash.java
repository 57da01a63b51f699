package dev.inlet.core;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.POJONode;

/**
 * A 64-bit structural hash of a record, for telling whether a page repeats the one before it: equal
 * records hash equally; field order and types count. Records bound straight to a type (a
 * {@link POJONode}) hash by the value's own {@code hashCode()} when its class defines one (records
 * do), else by its JSON form.
 */
final class RecordHash {

    private static final long SEED = 0x9E3779B97F4A7C15L;

    private static final ClassValue<Boolean> OWN_HASH_CODE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("hashCode").getDeclaringClass() != Object.class;
            } catch (NoSuchMethodException impossible) {
                return false;
            }
        }
    };

    private RecordHash() {
    }

    static long of(JsonNode node) {
        if (node instanceof POJONode pojo) {
            Object value = pojo.getPojo();
            if (value == null) {
                return mix(1);
            }
            if (OWN_HASH_CODE.get(value.getClass())) {
                return mix(value.getClass().getName().hashCode() * 31L + value.hashCode());
            }
            try {
                return of(Json.mapper().valueToTree(value));
            } catch (RuntimeException notSerialisable) {
                return mix(System.identityHashCode(value));
            }
        }
        if (node.isObject()) {
            long h = SEED;
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                h = mix(h * 31 + field.getKey().hashCode());
                h = mix(h * 31 + of(field.getValue()));
            }
            return h;
        }
        if (node.isArray()) {
            long h = SEED + 1;
            for (JsonNode element : node) {
                h = mix(h * 31 + of(element));
            }
            return h;
        }
        return mix(node.getNodeType().ordinal() * 0x100000001B3L + node.hashCode());
    }

    /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
