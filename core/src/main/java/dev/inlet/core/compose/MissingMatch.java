package dev.inlet.core.compose;

/** What an {@link Enrichment} does with a record whose key has no match on the lookup side. */
public enum MissingMatch {
    /** Deliver it with the enrichment field set to JSON {@code null}; the default. */
    KEEP,
    /** Leave it out; it is counted in the {@link EnrichmentReport}. */
    DROP,
    /** Stop with a {@link CompositionException} naming the key. */
    FAIL,
    /**
     * Leave it out and hand it to the enrichment's {@link dev.inlet.core.record.QuarantineSink} as a
     * {@link dev.inlet.core.record.Rejection} with the rule {@code enrichment:missing}; counted in the report.
     */
    QUARANTINE
}
