package dev.inlet.core.record;

/**
 * Where rejected records go under {@link InvalidRecordPolicy#QUARANTINE}, so they can be inspected
 * or replayed. Implementations must be thread-safe when connectors run concurrently.
 */
@FunctionalInterface
public interface QuarantineSink {

    /** Receives one rejected record. A failure here stops the run: a rejected record is never lost. */
    void accept(Rejection rejection);
}
