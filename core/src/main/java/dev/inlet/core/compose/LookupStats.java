package dev.inlet.core.compose;

/**
 * Counters of a {@link Lookup} since it was created. Immutable snapshot.
 *
 * @param loads times the lookup side was read (a connector read whole, or a function called)
 * @param entries keys currently cached
 * @param hits lookups answered from the cache
 * @param misses lookups that found no match
 * @param duplicateKeys lookup-side records ignored because an earlier one had the same key
 * @param unkeyed lookup-side records without a key, which can never match
 */
public record LookupStats(long loads, long entries, long hits, long misses, long duplicateKeys, long unkeyed) {
}
