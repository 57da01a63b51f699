package dev.inlet.core.compose;

import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.RunReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
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
 * {@link Builder#maxConcurrent(int)} fetches run at once whatever the executor. Without an executor,
 * each run starts a virtual thread per fetch on Java 21+ (detected at run time: thousands of waiting
 * fetches, no platform thread each), and on Java 17 uses up to 256 daemon platform threads of its own. <b>Consumers</b> are called on the fetch's
 * thread: a consumer shared by several fetches must be thread-safe. <b>Rate limits</b>: connectors
 * built with the same rate limiter instance share its budget across these threads, so several
 * endpoints of one API stay within the API's limit together.
 *
 * <p>Immutable and thread-safe; each {@link #run()} runs every fetch once.
 */
public final class ConcurrentFetch {

    private final Map<String, Callable<Optional<RunReport>>> fetches;
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
        ExecutorService owned = executor == null ? DaemonPool.create("inlet-fetch", maxConcurrent) : null;
        ExecutorCompletionService<FetchOutcome> done = new ExecutorCompletionService<>(executor == null ? owned
                : executor);
        Map<String, FetchOutcome> outcomes = new LinkedHashMap<>();
        fetches.keySet().forEach(name -> outcomes.put(name, null));
        List<Future<FetchOutcome>> running = new ArrayList<>();
        var waiting = new ArrayList<>(fetches.entrySet()).iterator();
        try {
            int inFlight = 0;
            while (waiting.hasNext() || inFlight > 0) {
                while (waiting.hasNext() && inFlight < maxConcurrent) {
                    var fetch = waiting.next();
                    running.add(done.submit(() -> isolated(fetch.getKey(), fetch.getValue())));
                    inFlight++;
                }
                FetchOutcome outcome = done.take().get();
                inFlight--;
                outcomes.put(outcome.name(), outcome);
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new CompositionException("Interrupted while waiting for concurrent fetches " + fetches.keySet(),
                    null, e);
        } catch (ExecutionException e) {
            // isolated(...) catches everything a fetch throws; this is a bug, not a fetch failure.
            throw new IllegalStateException("a concurrent fetch escaped its isolation", e.getCause());
        } finally {
            if (owned != null) {
                owned.shutdownNow();
            }
        }
        return new FetchReport(new ArrayList<>(outcomes.values()));
    }

    private static FetchOutcome isolated(String name, Callable<Optional<RunReport>> fetch) {
        long start = System.nanoTime();
        try {
            Optional<RunReport> report = Objects.requireNonNullElse(fetch.call(), Optional.empty());
            return new FetchOutcome(name, report, Optional.empty(), Duration.ofNanos(System.nanoTime() - start));
        } catch (Exception | Error e) {
            return new FetchOutcome(name, Optional.empty(), Optional.of(e), Duration.ofNanos(System.nanoTime() - start));
        }
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
        private final Map<String, Callable<Optional<RunReport>>> fetches = new LinkedHashMap<>();
        private Executor executor;
        private int maxConcurrent = 4;

        private Builder() {
        }

        /** Reads the connector from its first page to its end into the consumer; named after the connector. */
        public <T> Builder add(Connector<T> connector, Consumer<? super T> consumer) {
            Objects.requireNonNull(connector, "connector");
            Objects.requireNonNull(consumer, "consumer");
            return add(connector.name(), () -> {
                try (ConnectorRun<T> run = connector.open()) {
                    run.forEachRemaining(consumer);
                    return Optional.of(run.report());
                }
            });
        }

        /** Adds any fetch under a unique name, e.g. a checkpointed or incremental sync returning its run report. */
        public Builder add(String name, Callable<Optional<RunReport>> fetch) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a fetch needs a non-blank name");
            }
            Objects.requireNonNull(fetch, "fetch");
            if (fetches.putIfAbsent(name, fetch) != null) {
                throw new IllegalArgumentException("two fetches are named '" + name + "'; give each a unique name");
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
         * {@link #executor(Executor)}, each fetch runs on a virtual thread on Java 21+; on Java 17 on at
         * most 256 daemon platform threads, so more than 256 only queue (give a pool of your own to go
         * beyond).
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
