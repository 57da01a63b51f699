package dev.inlet.core.compose;

/**
 * What one enrichment run did. Immutable.
 *
 * @param records records read from the left side
 * @param matched records delivered with a match
 * @param missingKept records delivered without a match ({@link MissingMatch#KEEP})
 * @param dropped records left out ({@link MissingMatch#DROP})
 * @param quarantined records left out and quarantined ({@link MissingMatch#QUARANTINE})
 */
public record EnrichmentReport(long records, long matched, long missingKept, long dropped, long quarantined) {
}
