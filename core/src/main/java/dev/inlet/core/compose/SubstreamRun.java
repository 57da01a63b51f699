package dev.inlet.core.compose;

import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.error.InletException;
import dev.inlet.core.Json;
import dev.inlet.core.RunReport;
import dev.inlet.core.internal.Futures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One substream run: reads parents, keeps up to {@code concurrency} child runs in flight in parent
 * order, and yields each child's records when its turn comes. Not thread-safe (one consumer).
 */
final class SubstreamRun<P> implements Iterator<JsonNode>, AutoCloseable {

    /** A child run in flight, in parent order: on a thread, or read without one ({@link Connector#readAsync}). */
    private record Pending(long index, Future<List<JsonNode>> task) {
    }

    private final Function<? super P, Connector<JsonNode>> child;
    private final List<Substreams.Carry> carries;
    private final int concurrency;
    private final Optional<Executor> executor;
    /** The pool this run starts when a child needs a thread and the host gave no executor. */
    private ExecutorService owned;
    private final OnChildFailure onFailure;
    private final ConnectorRun<P> parents;
    private final String parentName;
    private final Deque<Pending> window = new ArrayDeque<>();
    private final List<String> failures = new ArrayList<>();
    private Iterator<JsonNode> current = Collections.emptyIterator();
    private long parentCount;
    private long children;
    private long records;
    private long failed;
    private boolean closed;

    SubstreamRun(Connector<P> parent, Function<? super P, Connector<JsonNode>> child, List<Substreams.Carry> carries,
            int concurrency, Optional<Executor> executor, OnChildFailure onFailure) {
        this.child = child;
        this.carries = carries;
        this.concurrency = concurrency;
        this.executor = executor;
        this.onFailure = onFailure;
        this.parentName = parent.name();
        this.parents = parent.open();
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (closed) {
                return false;
            }
            fill();
            Pending head = window.poll();
            if (head == null) {
                return false;
            }
            current = await(head).iterator();
            fill();
        }
        return true;
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the substreams of '" + parentName + "' have no more records");
        }
        records++;
        return current.next();
    }

    SubstreamReport report() {
        return new SubstreamReport(parentCount, children, records, failed, failures);
    }

    /** Cancels children in flight, ends the parent run and the pool this run owns; safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        window.forEach(p -> p.task().cancel(true));
        window.clear();
        parents.close();
        if (owned != null) {
            owned.shutdownNow();
        }
    }

    /** Starts child runs for the next parents until the window is full or the parents are done. */
    private void fill() {
        try {
            while (window.size() < concurrency && parents.hasNext()) {
                P parent = parents.next();
                long index = parentCount++;
                window.add(new Pending(index, start(parent)));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts the child run of a parent. Without a host executor, a child whose source opens pages
     * asynchronously is read with {@link Connector#readAsync}: no thread waits for it (on Java 17 too);
     * any other child runs on a thread (the host's, else a pool this run starts when first needed).
     */
    private Future<List<JsonNode>> start(P parent) {
        Connector<JsonNode> connector;
        JsonNode parentJson;
        try {
            connector = childOf(parent);
            parentJson = parentJson(parent);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // reported with its parent when its turn comes, as a failed run
        }
        if (executor.isEmpty() && connector.source().opensAsynchronously()) {
            return readAsync(connector, parentJson);
        }
        return onThread(() -> read(connector, parentJson));
    }

    private Future<List<JsonNode>> onThread(java.util.concurrent.Callable<List<JsonNode>> fetch) {
        FutureTask<List<JsonNode>> task = new FutureTask<>(fetch);
        executor.orElseGet(this::ownedPool).execute(task);
        return task;
    }

    private Executor ownedPool() {
        if (owned == null) {
            owned = DaemonPool.create("inlet-substream", concurrency);
        }
        return owned;
    }

    private Connector<JsonNode> childOf(P parent) {
        Connector<JsonNode> connector = child.apply(parent);
        if (connector == null) {
            throw new IllegalStateException("the child factory returned no connector");
        }
        return connector;
    }

    private JsonNode parentJson(P parent) {
        return carries.isEmpty() ? null : parent instanceof JsonNode node ? node : Json.mapper().valueToTree(parent);
    }

    private List<JsonNode> read(Connector<JsonNode> connector, JsonNode parentJson) {
        List<JsonNode> out = new ArrayList<>();
        try (ConnectorRun<JsonNode> run = connector.open()) {
            while (run.hasNext()) {
                out.add(carry(run.next(), parentJson, connector.name()));
            }
        }
        return out;
    }

    /** The child's records, read without a thread waiting; cancelling the future ends the child's run. */
    private Future<List<JsonNode>> readAsync(Connector<JsonNode> connector, JsonNode parentJson) {
        List<JsonNode> out = new ArrayList<>();
        CompletableFuture<RunReport> read = connector.readAsync(record -> out.add(carry(record, parentJson,
                connector.name())));
        CompletableFuture<List<JsonNode>> records = new CompletableFuture<>();
        read.whenComplete((report, failure) -> {
            if (failure != null) {
                records.completeExceptionally(Futures.cause(failure));
            } else {
                records.complete(out);
            }
        });
        records.whenComplete((done, failure) -> {
            if (records.isCancelled()) {
                read.cancel(true);
            }
        });
        return records;
    }

    private JsonNode carry(JsonNode record, JsonNode parent, String childName) {
        if (carries.isEmpty()) {
            return record;
        }
        if (!(record instanceof ObjectNode object)) {
            throw new CompositionException("A record of child '" + childName + "' is " + record.getNodeType()
                    + ", not an object, so it cannot carry the parent's fields", "Carry no fields, or map the child "
                    + "records to objects", null);
        }
        for (Substreams.Carry c : carries) {
            JsonNode value = parent.at(c.pointer());
            object.set(c.field(), value.isMissingNode() ? object.nullNode() : value.deepCopy());
        }
        return object;
    }

    private List<JsonNode> await(Pending pending) {
        try {
            List<JsonNode> result = pending.task().get();
            children++;
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new CompositionException("Interrupted while waiting for the child of parent record "
                    + pending.index() + " of '" + parentName + "'", null, e);
        } catch (CancellationException e) {
            return List.of();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = "The child run for parent record " + pending.index() + " of '" + parentName
                    + "' failed: " + cause.getMessage();
            if (onFailure == OnChildFailure.SKIP) {
                failed++;
                if (failures.size() < 20) {
                    failures.add(message);
                }
                return List.of();
            }
            close();
            if (cause instanceof CompositionException composition) {
                throw composition;
            }
            throw new CompositionException(message, cause instanceof InletException inlet
                    ? inlet.hint().orElse(null) : "Fix the child connector, or choose OnChildFailure.SKIP", cause);
        }
    }
}
