package dev.inlet.core.state;

import dev.inlet.core.Connector;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a {@link Connector} from its stored position and saves its position after every page, so a
 * restarted process never starts from zero.
 *
 * <p>What a run does: load the state from the {@link StateStore}; open the connector at the saved
 * position (or the first page); for each page, read it whole, hand its records to your consumer
 * one by one, then save the position of the next page — before that page is requested. At the end
 * the state is marked completed (no position), so the next run starts from the first page again —
 * unless the last page named a continuation ({@link dev.inlet.core.OpenPage#continuationToken()}: a
 * sync API's final cursor, like Plaid's {@code /transactions/sync}); then it is saved
 * ({@link ConnectorState#continuation()}) and the next run starts there, delivering only what changed.
 * Deleting the state starts over from the first page.
 *
 * <p><b>Delivery guarantee.</b> A record is <em>delivered</em> when your consumer returns. If the
 * process dies (a crash, {@code kill -9}), the next run continues at the page that was being
 * delivered: the records of that one page that were delivered before the crash are delivered
 * again — at most one page per crash, never a lost record. If the run stops with an exception (the
 * API failed, your consumer threw), the state records exactly where: nothing is repeated.
 *
 * <p><b>Duplicates.</b> With a {@link Builder#primaryKey(String) primary key}, records whose key is
 * among the last {@link Builder#recentKeys(int) N} delivered in this run are dropped (offset paging
 * shifted by inserts repeats records). A crash can still repeat up to one page, because your
 * consumer and the state store are two separate writes: the state of the page being delivered was
 * not yet saved. For zero duplicates give an {@link Builder#alreadyDelivered(Predicate)} check: it is
 * asked, after a crash only, about the records of that one page (the "in-doubt" page), and those
 * you already have are skipped. Or save the state in the same transaction as your records (a
 * {@link StateStore} over your database).
 *
 * <p>One page is in memory at a time (as with {@link Connector#pages()}). Immutable and thread-safe,
 * but runs of one instance must not overlap (a second concurrent {@link #run} is refused); the
 * {@code dev.inlet.core.schedule.Scheduler} never overlaps runs of one job.
 *
 * <pre>{@code
 * Checkpointing<JsonNode> sync = Checkpointing.builder(charges, FileStateStore.in(Path.of("state")))
 *         .primaryKey("/id")
 *         .build();
 * SyncReport report = sync.run(record -> warehouse.upsert(record));
 * }</pre>
 *
 * @param <T> the record type
 */
public final class Checkpointing<T> {

    private final Connector<T> connector;
    private final SyncEngine<T> engine;

    private Checkpointing(Builder<T> b) {
        this.connector = b.connector;
        this.engine = new SyncEngine<>(b.name, b.store, b.clock, b.key, b.keyDescription, b.recentKeys,
                b.alreadyDelivered);
    }

    /** A builder for checkpointed runs of the connector, saving its state in the store. */
    public static <T> Builder<T> builder(Connector<T> connector, StateStore store) {
        return new Builder<>(connector, store);
    }

    /** The name the state is stored under. */
    public String name() {
        return engine.name();
    }

    /**
     * Runs the connector from where it stopped to its end, handing each record to the consumer.
     *
     * @return what the run did and the state it saved
     * @throws dev.inlet.core.error.InletException if the API failed or a record cannot be synced; the state
     *     then records exactly where to continue, and so does the exception's {@code resumePosition()}
     * @throws StateStoreException if the state cannot be loaded or saved
     * @throws IllegalStateException if another run of this instance is in progress
     * @throws RuntimeException whatever the consumer threw; the record it was given counts as not
     *     delivered
     */
    public SyncReport run(Consumer<? super T> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        engine.claim();
        try {
            return engine.run(connector, engine.load(), Optional.empty(), null, false, consumer);
        } finally {
            engine.release();
        }
    }

    /** The stored state, if any. */
    public Optional<ConnectorState> state() {
        return engine.stored();
    }

    @Override
    public String toString() {
        return "Checkpointing[" + engine.name() + "]";
    }

    /**
     * Builds a {@link Checkpointing}. Not thread-safe; what it builds is.
     *
     * <p>Defaults: the state is stored under the connector's name; no primary key (no dedupe); 1,000
     * recent keys kept when a key is set; no already-delivered check (a crash repeats at most the
     * in-doubt page); the system UTC clock for timestamps.
     *
     * @param <T> the record type
     */
    public static final class Builder<T> {
        private final Connector<T> connector;
        private final StateStore store;
        private String name;
        private Function<? super T, String> key;
        private String keyDescription;
        private int recentKeys = 1_000;
        private Predicate<String> alreadyDelivered;
        private Clock clock = Clock.systemUTC();

        private Builder(Connector<T> connector, StateStore store) {
            this.connector = Objects.requireNonNull(connector, "connector");
            this.store = Objects.requireNonNull(store, "store");
            this.name = connector.name();
        }

        /** The name the state is stored under. Default: the connector's name. */
        public Builder<T> name(String name) {
            this.name = StateStore.requireName(name);
            return this;
        }

        /**
         * Dedupes by the field at this JSON Pointer (e.g. {@code "/id"}); a record without it stops the
         * run with a {@link SyncException}. Records that are not {@code JsonNode} are read as JSON
         * with Inlet's mapper.
         */
        public Builder<T> primaryKey(String pointer) {
            var compiled = RecordFields.compile(pointer, "primary key");
            this.key = RecordFields.scalar(compiled);
            this.keyDescription = pointer;
            return this;
        }

        /** Dedupes by the key this function returns (null means "no key": the run stops). */
        public Builder<T> primaryKey(Function<? super T, String> key) {
            this.key = Objects.requireNonNull(key, "key");
            this.keyDescription = "key function";
            return this;
        }

        /**
         * How many recent keys to remember (0 to 1,000,000). They are written with every checkpoint, so
         * keep this near the number of records that can repeat. Default 1,000.
         */
        public Builder<T> recentKeys(int count) {
            this.recentKeys = checkRecentKeys(count);
            return this;
        }

        /**
         * Asked after a crash, with the primary key of each record of the in-doubt page, whether you
         * already have it; true skips the record. Needs a primary key.
         */
        public Builder<T> alreadyDelivered(Predicate<String> check) {
            this.alreadyDelivered = Objects.requireNonNull(check, "check");
            return this;
        }

        /** The clock for the state's timestamps. Default: the system UTC clock. */
        public Builder<T> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The immutable runner.
         *
         * @throws IllegalArgumentException if an already-delivered check is set without a primary key
         */
        public Checkpointing<T> build() {
            if (alreadyDelivered != null && key == null) {
                throw new IllegalArgumentException("alreadyDelivered(...) needs a primaryKey(...) to ask about");
            }
            return new Checkpointing<>(this);
        }
    }

    static int checkRecentKeys(int count) {
        if (count < 0 || count > 1_000_000) {
            throw new IllegalArgumentException("recentKeys must be between 0 and 1,000,000, was " + count);
        }
        return count;
    }
}
