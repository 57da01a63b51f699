package dev.inlet.core.record;

import java.util.ArrayList;
import java.util.List;

/**
 * The default {@link QuarantineSink}: keeps every rejection in memory, in arrival order. Thread-safe.
 * It holds every rejected record, so give a run with many rejections a sink that writes elsewhere.
 */
public final class InMemoryQuarantine implements QuarantineSink {

    private final List<Rejection> rejections = new ArrayList<>();

    @Override
    public synchronized void accept(Rejection rejection) {
        rejections.add(rejection);
    }

    /** A snapshot of the rejections received so far. */
    public synchronized List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    /** How many rejections were received. */
    public synchronized int size() {
        return rejections.size();
    }

    /** Removes and returns everything received so far (e.g. to replay it). */
    public synchronized List<Rejection> drain() {
        List<Rejection> out = List.copyOf(rejections);
        rejections.clear();
        return out;
    }
}
