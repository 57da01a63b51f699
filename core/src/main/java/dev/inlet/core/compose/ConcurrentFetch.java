package dev.inlet.core.compose;

import dev.inlet.core.Connector;
import dev.inlet.core.RunReport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Fetches many connectors at once — unifying scattered systems in one refresh — on an executor the
 * host provides, each fetch isolated: one that fails is reported, the others go on.
 *
 * <pre>{@code
 * ConcurrentFetch refresh = ConcurrentFetch.builder()
 *         .executor(Executors.newVirtualThreadPerTaskExecutor())   // Java 21+; any Executor on 17
 *         .add(charges, warehouse::insertCharge)
 *         .add(contacts, warehouse::upsertContact)
 *         .add("orders", () -> Optional.of(orderSync.run(warehouse::upsertOrder).run()))
 *         .build();
 * FetchReport report = refresh.run();
 * report.failed().forEach(f -> log.warn("{} failed", f.name(), f.failure().get()));
 * }</pre>
 *
 * <p><b>Threads</b>: fetches spend most of their time waiting on HTTP. At most
 * {@link Builder#maxConcurrent(int)} fetches run at once whatever the executor. Without an executor, a
 * connector whose source opens pages without a thread ({@link dev.inlet.core.PageSource#opensAsynchronously()}:
 * a REST connector over {@code Transport.jdk()}) is read with {@link Connector#readAsync}, on Java 17 too,
 * so thousands can wait at once with no thread each; any other fetch runs on a virtual thread per fetch
 * on Java 21+ (detected at run time), and on Java 17 on up to 256 daemon platform threads of its own.
 * With an executor, every fetch runs on its threads. <b>Consumers</b> are called on the thread that
 * delivered the records (the fetch's, or for an asynchronous read the one that completed the page), one
 * record at a time per fetch: a consumer shared by several fetches must be thread-safe. <b>Rate limits</b>: connectors
 * built with the same rate limiter instance share its budget across these threads, so several
 * endpoints of one API stay within the API's limit together.
 *
 * <p>Immutable and thread-safe; each {@link #run()} runs every fetch once.
 */
public final class ConcurrentFetch {

    private final Map<String, FetchTask> fetches;
    private final Executor executor;
    private final int maxConcurrent;

    private ConcurrentFetch(Builder b) {
        this.fetches = new LinkedHashMap<>(b.fetches);
        this.executor = b.executor;
        this.maxConcurrent = b.maxConcurrent;
    }

    /** A builder with no fetches. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every fetch, at most {@code maxConcurrent} at a time, and waits for all of them.
     *
     * @return one outcome per fetch, in the order they were added
     * @throws CompositionException if the calling thread is interrupted while waiting (running fetches
     *     are then cancelled and interrupted)
     */
    public FetchReport run() {
        boolean async = executor == null;
        ExecutorService owned = async && fetches.values().stream().anyMatch(FetchTask::needsThread)
                ? DaemonPool.create("inlet-fetch", maxConcurrent) : null;
        Executor threads = async ? owned : executor;
        BlockingQueue<FetchOutcome> done = new LinkedBlockingQueue<>();
        Map<String, FetchOutcome> outcomes = new LinkedHashMap<>();
        fetches.keySet().forEach(name -> outcomes.put(name, null));
        List<Future<?>> running = new ArrayList<>();
        Iterator<FetchTask> waiting = new ArrayList<>(fetches.values()).iterator();
        try {
            int inFlight = 0;
            while (waiting.hasNext() || inFlight > 0) {
                while (waiting.hasNext() && inFlight < maxConcurrent) {
                    running.add(waiting.next().start(threads, async, done::add));
                    inFlight++;
                }
                FetchOutcome outcome = done.take();
                inFlight--;
                outcomes.put(outcome.name(), outcome);
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new CompositionException("Interrupted while waiting for concurrent fetches " + fetches.keySet(),
                    null, e);
        } finally {
            if (owned != null) {
                owned.shutdownNow();
            }
        }
        return new FetchReport(new ArrayList<>(outcomes.values()));
    }

    /** The names of the fetches, in order. */
    public List<String> names() {
        return List.copyOf(fetches.keySet());
    }

    /**
     * Builds a {@link ConcurrentFetch}. Not thread-safe; what it builds is.
     *
     * <p>Defaults: no fetches; at most 4 at once; daemon threads owned by each run when no executor is
     * given.
     */
    public static final class Builder {
        private final Map<String, FetchTask> fetches = new LinkedHashMap<>();
        private Executor executor;
        private int maxConcurrent = 4;

        private Builder() {
        }

        /**
         * Reads the connector from its first page to its end into the consumer; named after the connector.
         * Without an {@link #executor(Executor)}, a connector whose source opens pages asynchronously is
         * read with {@link Connector#readAsync} (no thread waits for its pages); see the class documentation.
         */
        public <T> Builder add(Connector<T> connector, Consumer<? super T> consumer) {
            Objects.requireNonNull(connector, "connector");
            Objects.requireNonNull(consumer, "consumer");
            return add(FetchTask.of(connector, consumer));
        }

        /** Adds any fetch under a unique name, e.g. a checkpointed or incremental sync returning its run report. */
        public Builder add(String name, Callable<Optional<RunReport>> fetch) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a fetch needs a non-blank name");
            }
            Objects.requireNonNull(fetch, "fetch");
            return add(FetchTask.of(name, fetch));
        }

        private Builder add(FetchTask fetch) {
            if (fetches.putIfAbsent(fetch.name(), fetch) != null) {
                throw new IllegalArgumentException("two fetches are named '" + fetch.name() + "'; give each a unique name");
            }
            return this;
        }

        /** The host's executor (never shut down here). */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * How many fetches may run at once (1 to 100,000). Default 4. Without an
         * {@link #executor(Executor)}, a connector whose source opens pages asynchronously waits without a
         * thread (see the class documentation); any other fetch runs on a virtual thread on Java 21+, on Java
         * 17 on at most 256 daemon platform threads, so more than 256 of those only queue (give a pool of
         * your own, or use {@code Transport.jdk()}, to go beyond).
         */
        public Builder maxConcurrent(int max) {
            if (max < 1 || max > 100_000) {
                throw new IllegalArgumentException("maxConcurrent must be between 1 and 100,000, was " + max);
            }
            this.maxConcurrent = max;
            return this;
        }

        /**
         * The immutable fetch.
         *
         * @throws IllegalArgumentException if no fetch was added
         */
        public ConcurrentFetch build() {
            if (fetches.isEmpty()) {
                throw new IllegalArgumentException("a concurrent fetch needs at least one add(...)");
            }
            return new ConcurrentFetch(this);
        }
    }
}
