package dev.inlet.core;

import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON factories {@link Json#parser} reads bodies with: a mapper's factory rebuilt with the read
 * limits' constraints, built once per (mapper, limits) and reused. Why reuse matters: a factory owns the
 * root table of the field names its parsers have seen; a factory built per body starts every page with
 * an empty table, so each page decoded and interned every field name again (GraphQL Relay paging,
 * 100 records a page, spent 10 % of its CPU samples in name parsing the hand-written loop never showed).
 *
 * <p>Bounded: at most {@link #MAX_ENTRIES} combinations are kept (an application has a handful of
 * mappers and limits); past that the cache starts over rather than grow with a caller that builds a
 * mapper per request.
 */
final class ConstrainedFactories {

    static final int MAX_ENTRIES = 64;

    private static final ConcurrentHashMap<Key, JsonFactory> FACTORIES = new ConcurrentHashMap<>();

    /** Mappers compare by identity (Jackson does not override {@code equals}); limits by the three constraints. */
    private record Key(JsonMapper mapper, int maxStringLength, int maxNestingDepth, int maxNumberLength) {
    }

    private ConstrainedFactories() {
    }

    static JsonFactory of(JsonMapper mapper, ReadLimits limits) {
        Key key = new Key(mapper, limits.maxStringLength(), limits.maxNestingDepth(), limits.maxNumberLength());
        JsonFactory factory = FACTORIES.get(key);
        if (factory == null) {
            if (FACTORIES.size() >= MAX_ENTRIES) {
                FACTORIES.clear();
            }
            factory = FACTORIES.computeIfAbsent(key, k -> k.mapper.tokenStreamFactory().rebuild()
                    .streamReadConstraints(limits.streamReadConstraints()).build());
        }
        return factory;
    }

    /** How many factories are kept (tests). */
    static int size() {
        return FACTORIES.size();
    }
}
