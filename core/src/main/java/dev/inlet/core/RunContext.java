package dev.inlet.core;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * Which connector run the current thread is working for: its connector, stream and run id. A
 * {@link ConnectorRun} sets it while it does work on the caller's thread (opening and reading pages,
 * every request and retry of them, its listener events) and clears it afterwards, so a listener can
 * tie any event — a request, a retry, a rate-limit wait — to its run with {@link #current()}.
 *
 * <p>The same values are in the SLF4J {@link MDC} under {@link #MDC_CONNECTOR}, {@link #MDC_STREAM}
 * and {@link #MDC_RUN_ID} for the same span of time, so log lines written during a run carry them.
 * Neither holds a secret: names are the caller's, and run ids are random. Immutable.
 *
 * @param connector the connector's name
 * @param stream the stream the run reads: the connector's name (a connector reads one stream)
 * @param runId the run's id: 16 random hexadecimal digits, unique per run
 */
public record RunContext(String connector, String stream, String runId) {

    /** The MDC key of the connector's name. */
    public static final String MDC_CONNECTOR = "inlet.connector";
    /** The MDC key of the stream's name. */
    public static final String MDC_STREAM = "inlet.stream";
    /** The MDC key of the run id. */
    public static final String MDC_RUN_ID = "inlet.run_id";

    private static final ThreadLocal<RunContext> CURRENT = new ThreadLocal<>();

    /** Checks the parts. */
    public RunContext {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(runId, "runId");
    }

    /** The run the current thread is working for, if any. */
    public static Optional<RunContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * A fresh run id: 16 random hexadecimal digits. A run id correlates events, not a secret, so it comes
     * from {@link ThreadLocalRandom}: {@code SecureRandom} reads {@code /dev/urandom} under one global
     * lock, which thousands of runs starting at once (a {@code ConcurrentFetch} of 1,000 sources) queued
     * on — 9 % of the CPU samples in the waiting-sources benchmark.
     */
    static String newRunId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /**
     * A scope that makes this the current run on this thread (and in the MDC) each time it is entered,
     * until closed, which restores what was there before (a run read inside another run's work nests;
     * entering while this run is already current changes nothing). One per run and reused, as a run is
     * read by one thread at a time: a run enters it for every record, so entering allocates nothing.
     */
    Scope scope() {
        return new Scope(this);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** The span of time a run is current: {@link #enter()}, then {@link #close()}. Not thread-safe. */
    static final class Scope implements AutoCloseable {
        private final RunContext context;
        private int depth;
        private RunContext previous;
        private String previousConnector;
        private String previousStream;
        private String previousRun;

        private Scope(RunContext context) {
            this.context = context;
        }

        /** Makes the run current; returns this, to be closed. */
        Scope enter() {
            if (depth++ > 0) {
                return this;
            }
            previous = CURRENT.get();
            previousConnector = MDC.get(MDC_CONNECTOR);
            previousStream = MDC.get(MDC_STREAM);
            previousRun = MDC.get(MDC_RUN_ID);
            CURRENT.set(context);
            MDC.put(MDC_CONNECTOR, context.connector);
            MDC.put(MDC_STREAM, context.stream);
            MDC.put(MDC_RUN_ID, context.runId);
            return this;
        }

        /** Restores what was current before the outermost {@link #enter()}. */
        @Override
        public void close() {
            if (--depth > 0) {
                return;
            }
            // set(null), not remove(): a run enters and leaves once per record, and removing the entry
            // made every enter re-create it (ThreadLocalMap.set and its stale-slot sweeps: 2 % of the CPU in a
            // profile of an observed run). The entry left holds null, on a static ThreadLocal.
            CURRENT.set(previous);
            restore(MDC_CONNECTOR, previousConnector);
            restore(MDC_STREAM, previousStream);
            restore(MDC_RUN_ID, previousRun);
            previous = null;
        }
    }
}
