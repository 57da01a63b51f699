package dev.inlet.core.compose;

import dev.inlet.core.Connector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * For each record of a parent connector, a child connector built from it — an order's line items, a
 * repository's issues — with chosen parent fields carried into every child record.
 *
 * <pre>{@code
 * Substreams<JsonNode> lineItems = Substreams.builder(orders, order -> RestConnector.builder("line-items")
 *                 .baseUrl("https://shop.test").path("/orders/" + order.get("id").asString() + "/items")
 *                 .build())
 *         .carry("/id")                           // into each item as "parent_id"
 *         .carry("/customer/email", "customer_email")
 *         .concurrency(4)
 *         .build();
 * try (Stream<JsonNode> items = lineItems.records()) { items.forEach(this::store); }
 * }</pre>
 *
 * <p><b>Order</b>: records come out in parent order, and within a parent in the child's order,
 * whatever order the children finish in. <b>Concurrency</b>: up to {@link Builder#concurrency(int)}
 * child runs are in flight at once, on the {@link Builder#executor(Executor) executor} the host gives
 * (or on that many daemon threads the run owns), while earlier children's records are delivered. Without
 * an executor, a child whose source opens pages asynchronously (a REST child over {@code Transport.jdk()},
 * see {@link dev.inlet.core.PageSource#opensAsynchronously()}) is read with {@link Connector#readAsync}:
 * it waits without a thread, on Java 17 too.
 * Each child's records are held in memory until its turn: children are expected to be small (the
 * issues of one repository, not a whole export). Parents are read lazily, one window ahead.
 *
 * <p><b>Carried fields</b>: each is read from the parent (as JSON) by JSON Pointer; a field the
 * parent lacks is carried as JSON {@code null}. A child record that is not a JSON object cannot
 * carry fields and fails the child. <b>Failures</b>: a child run that fails stops the stream with a
 * {@link CompositionException} naming the parent ({@link OnChildFailure#FAIL}, the default) or is
 * counted and skipped ({@link OnChildFailure#SKIP}).
 *
 * <p>Immutable and thread-safe; each {@link #records()} or {@link #run(Consumer)} is an independent run.
 *
 * @param <P> the parent record type
 */
public final class Substreams<P> {

    /** One parent field carried into child records. */
    record Carry(String pointerText, JsonPointer pointer, String field) {
    }

    private final Connector<P> parent;
    private final Function<? super P, Connector<JsonNode>> child;
    private final List<Carry> carries;
    private final int concurrency;
    private final Executor executor;
    private final OnChildFailure onFailure;

    private Substreams(Builder<P> b, List<Carry> carries) {
        this.parent = b.parent;
        this.child = b.child;
        this.carries = List.copyOf(carries);
        this.concurrency = b.concurrency;
        this.executor = b.executor;
        this.onFailure = b.onFailure;
    }

    /** A builder over a parent connector and a factory of child connectors, one per parent record. */
    public static <P> Builder<P> builder(Connector<P> parent, Function<? super P, Connector<JsonNode>> child) {
        return new Builder<>(parent, child);
    }

    /** The child records of every parent, lazily; close the stream to stop early (in-flight children are cancelled). */
    public Stream<JsonNode> records() {
        SubstreamRun<P> run = open();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(run, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(run::close);
    }

    /**
     * Hands every child record to the consumer (on the calling thread, in order) and reports.
     *
     * @throws CompositionException if a child failed under {@link OnChildFailure#FAIL}
     * @throws dev.inlet.core.error.InletException if the parent connector failed
     */
    public SubstreamReport run(Consumer<? super JsonNode> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        try (SubstreamRun<P> run = open()) {
            run.forEachRemaining(consumer);
            return run.report();
        }
    }

    private SubstreamRun<P> open() {
        return new SubstreamRun<>(parent, child, carries, concurrency, Optional.ofNullable(executor), onFailure);
    }

    @Override
    public String toString() {
        return "Substreams[" + parent.name() + " -> children, concurrency " + concurrency + "]";
    }

    /**
     * Builds {@link Substreams}. Not thread-safe; what it builds is.
     *
     * <p>Defaults: no carried fields; prefix {@code parent_} for fields carried by {@link #carry(String)};
     * concurrency 4; daemon threads owned by each run; {@link OnChildFailure#FAIL}.
     *
     * @param <P> the parent record type
     */
    public static final class Builder<P> {
        private final Connector<P> parent;
        private final Function<? super P, Connector<JsonNode>> child;
        private final List<Carry> carries = new ArrayList<>();
        private final List<String> unnamed = new ArrayList<>();
        private String prefix = "parent_";
        private int concurrency = 4;
        private Executor executor;
        private OnChildFailure onFailure = OnChildFailure.FAIL;

        private Builder(Connector<P> parent, Function<? super P, Connector<JsonNode>> child) {
            this.parent = Objects.requireNonNull(parent, "parent");
            this.child = Objects.requireNonNull(child, "child");
        }

        /** Carries the parent field at the pointer as {@code <prefix><last segment>} ({@code /id} → {@code parent_id}). */
        public Builder<P> carry(String pointer) {
            compile(pointer);
            unnamed.add(pointer);
            return this;
        }

        /** Carries the parent field at the pointer under exactly this name. */
        public Builder<P> carry(String pointer, String field) {
            if (field == null || field.isBlank()) {
                throw new IllegalArgumentException("a carried field needs a non-blank name");
            }
            carries.add(new Carry(pointer, compile(pointer), field));
            return this;
        }

        /** The prefix of fields carried by {@link #carry(String)}. Default {@code parent_}. */
        public Builder<P> prefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * How many child runs may be in flight at once (1 to 10,000). Default 4. Without an
         * {@link #executor(Executor)}, a child whose source opens pages asynchronously waits without a
         * thread; any other child runs on a virtual thread on Java 21+, on Java 17 on at most 256 daemon
         * platform threads, so more than 256 of those only queue.
         */
        public Builder<P> concurrency(int concurrency) {
            if (concurrency < 1 || concurrency > 10_000) {
                throw new IllegalArgumentException("concurrency must be between 1 and 10,000, was " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /** Runs children on the host's executor (never shut down here); the concurrency limit still holds. */
        public Builder<P> executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** What to do when a child run fails. Default {@link OnChildFailure#FAIL}. */
        public Builder<P> onChildFailure(OnChildFailure policy) {
            this.onFailure = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The immutable substreams.
         *
         * @throws IllegalArgumentException if two carried fields have the same name
         */
        public Substreams<P> build() {
            List<Carry> all = new ArrayList<>();
            for (String pointer : unnamed) {
                all.add(new Carry(pointer, compile(pointer), prefix + pointer.substring(pointer.lastIndexOf('/') + 1)));
            }
            all.addAll(carries);
            if (all.stream().map(Carry::field).distinct().count() != all.size()) {
                throw new IllegalArgumentException("two carried fields have the same name: "
                        + all.stream().map(Carry::field).toList());
            }
            return new Substreams<>(this, all);
        }

        private static JsonPointer compile(String pointer) {
            if (pointer == null || pointer.isEmpty() || pointer.charAt(0) != '/') {
                throw new IllegalArgumentException("a carried field is a JSON Pointer into the parent, like \"/id\"; "
                        + "got " + (pointer == null ? "null" : "\"" + pointer + "\""));
            }
            return JsonPointer.compile(pointer);
        }
    }
}
