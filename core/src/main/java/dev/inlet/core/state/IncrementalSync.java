package dev.inlet.core.state;

import dev.inlet.core.Connector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.core.JsonPointer;

/**
 * Fetches only what changed since the last run, by a cursor field of the records such as
 * {@code updated_at}, with the checkpointing of {@link Checkpointing}.
 *
 * <p>Each run asks for the records at or after a lower bound, the <em>since</em>: the greatest
 * cursor value delivered so far minus the {@link Builder#lookback(Duration) lookback} (empty on the
 * first run, unless a {@link Builder#startAt(String) start} is given). Your factory builds the
 * connector for a since, putting it into the query, so this class works with any module:
 *
 * <pre>{@code
 * IncrementalSync<JsonNode> sync = IncrementalSync.<JsonNode>builder("hubspot-contacts")
 *         .store(FileStateStore.in(Path.of("state")))
 *         .cursorField("/updatedAt")             // ISO-8601 by default
 *         .primaryKey("/id")                     // drops the overlap the lookback re-reads
 *         .lookback(Duration.ofMinutes(5))       // tolerates late commits and clock skew
 *         .connector(since -> RestConnector.builder("hubspot-contacts")
 *                 .baseUrl("https://api.hubapi.com").path("/crm/v3/objects/contacts")
 *                 .query("updatedAfter", since.orElse("1970-01-01T00:00:00Z"))
 *                 .records("/results").paginator(Paginators.bodyCursor("after", "/paging/next/after"))
 *                 .absentMeansEnd()                     // HubSpot drops "paging" on the last page
 *                 .build())
 *         .build();
 * sync.run(record -> store(record));
 * }</pre>
 *
 * <p>Cursor values are compared as points in time whatever their {@link CursorFormat} (so
 * {@code 10:00+01:00} is before {@code 09:30Z}), never as text. A record without a readable cursor
 * stops the run with a {@link SyncException} before it is delivered. A run interrupted by a crash or
 * an error is resumed with the same since and its saved position; the greatest cursor is stored at
 * every checkpoint and becomes the base of the next since once a run completes.
 *
 * <p><b>Cursors in the future.</b> A record whose cursor lies further after now (the
 * {@link Builder#clock(Clock) clock}'s) than the {@link Builder#futureCursorTolerance(Duration)
 * tolerance} (default 5 minutes) is delivered, but its cursor is not kept: stored, a sentinel such as
 * {@code 9999-12-31} or a record from a skewed clock would make every later run ask for records after
 * it, deliver nothing and report success. Each such record is logged at WARN, reported to the
 * connector's listener and counted in the run's report ({@code RunWarning.CURSOR_IN_FUTURE}, naming the
 * record, its key and the cursor field). A stored cursor that already lies beyond the tolerance (saved
 * before this check, or edited) stops the run with a {@link SyncException} before any request.
 *
 * <p>Dedupe: a record is a duplicate when its primary key <em>and</em> cursor value were among the
 * recent ones (kept across runs): the lookback's overlap is dropped, while a record updated since
 * (same key, newer cursor) is delivered. Keep {@link Builder#recentKeys(int)} above the number of
 * records the lookback window can hold. Without a primary key the overlap is delivered again.
 *
 * <p>Immutable and thread-safe; runs of one instance must not overlap.
 *
 * @param <T> the record type
 */
public final class IncrementalSync<T> {

    /** How far after now a cursor may lie by default and still be kept: ordinary clock skew. */
    public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final Function<Optional<String>, Connector<T>> factory;
    private final String cursorText;
    private final JsonPointer cursorPointer;
    private final CursorFormat format;
    private final Duration lookback;
    private final String startAt;
    private final Clock clock;
    private final Duration futureTolerance;
    private final SyncEngine<T> engine;

    private IncrementalSync(Builder<T> b) {
        this.factory = b.factory;
        this.cursorText = b.cursorText;
        this.cursorPointer = b.cursorPointer;
        this.format = b.format;
        this.lookback = b.lookback;
        this.startAt = b.startAt;
        this.clock = b.clock;
        this.futureTolerance = b.futureTolerance;
        this.engine = new SyncEngine<>(b.name, b.store, b.clock, b.key, b.keyDescription, b.recentKeys,
                b.alreadyDelivered);
    }

    /** A builder for an incremental sync stored under this name. */
    public static <T> Builder<T> builder(String name) {
        return new Builder<>(name);
    }

    /** The name the state is stored under. */
    public String name() {
        return engine.name();
    }

    /**
     * Runs once: resumes an unfinished run, or asks for what changed since the last one, and hands
     * each new record to the consumer.
     *
     * @return what the run did, including the since it asked for and the state it saved
     * @throws dev.inlet.core.error.InletException if the API failed or a record has no readable cursor or
     *     key; the state then records exactly where to continue
     * @throws StateStoreException if the state cannot be loaded or saved, or holds a cursor that is
     *     not in the configured format
     * @throws IllegalStateException if another run of this instance is in progress
     */
    public SyncReport run(Consumer<? super T> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        engine.claim();
        try {
            ConnectorState state = engine.load();
            CursorTracker<T> tracker = new CursorTracker<>(engine.name(), cursorText, cursorPointer, format,
                    state.cursor(), clock, futureTolerance);
            refuseFrozenCursor(state, tracker);
            Optional<String> since = state.position().isPresent() ? state.since() : nextSince(state);
            Connector<T> connector = Objects.requireNonNull(factory.apply(since),
                    "the connector factory of '" + engine.name() + "' returned null");
            return engine.run(connector, state, since, tracker, true, consumer);
        } finally {
            engine.release();
        }
    }

    /** A stored cursor beyond the tolerance froze the sync before this check existed (or was edited). */
    private void refuseFrozenCursor(ConnectorState state, CursorTracker<T> tracker) {
        Optional<java.time.Instant> stored = state.cursor().flatMap(format::parse);
        Optional<Duration> ahead = stored.flatMap(tracker::beyondTolerance);
        if (ahead.isPresent()) {
            throw new SyncException("The stored cursor " + state.cursor().get() + " of '" + engine.name() + "' ("
                    + cursorText + ") lies " + SyncEngine.describe(ahead.get()) + " after now (tolerance "
                    + SyncEngine.describe(futureTolerance) + "): every run would ask for records after it, get none "
                    + "and report success", "A record with a far-future cursor (a sentinel like 9999-12-31, or a "
                    + "skewed clock) froze the sync: save a corrected cursor (ConnectorState.withCursor) in the store, "
                    + "or delete the state to sync again from the start");
        }
    }

    /** The since the next run would ask for (an unfinished run keeps its own). */
    public Optional<String> nextSince() {
        ConnectorState state = engine.load();
        return state.position().isPresent() ? state.since() : nextSince(state);
    }

    /** The stored state, if any. */
    public Optional<ConnectorState> state() {
        return engine.stored();
    }

    private Optional<String> nextSince(ConnectorState state) {
        if (state.cursor().isEmpty()) {
            return Optional.ofNullable(startAt);
        }
        String stored = state.cursor().get();
        Instant max = format.parse(stored).orElseThrow(() -> new StateStoreException("The stored cursor \"" + stored
                + "\" of '" + engine.name() + "' is not in the format " + format,
                "The cursor format changed since the state was saved; restore the format or delete the state", null));
        return Optional.of(format.minus(max, lookback));
    }

    @Override
    public String toString() {
        return "IncrementalSync[" + engine.name() + " by " + cursorText + " (" + format + "), lookback " + lookback
                + "]";
    }

    /**
     * Builds an {@link IncrementalSync}. Not thread-safe; what it builds is.
     *
     * <p>Required: {@link #store}, {@link #cursorField(String)}, {@link #connector}. Defaults: cursor
     * format {@link CursorFormat#ISO_INSTANT}; no lookback (the next run asks for records at or after
     * the greatest cursor, so records sharing it are read again: set a primary key to drop them); no
     * start (the first run's since is empty); no primary key; 1,000 recent keys; no
     * already-delivered check; a cursor may lie up to 5 minutes after now to be kept; the system UTC
     * clock.
     *
     * @param <T> the record type
     */
    public static final class Builder<T> {
        private final String name;
        private StateStore store;
        private Function<Optional<String>, Connector<T>> factory;
        private String cursorText;
        private JsonPointer cursorPointer;
        private CursorFormat format = CursorFormat.ISO_INSTANT;
        private Duration lookback = Duration.ZERO;
        private String startAt;
        private Function<? super T, String> key;
        private String keyDescription;
        private int recentKeys = 1_000;
        private Predicate<String> alreadyDelivered;
        private Clock clock = Clock.systemUTC();
        private Duration futureTolerance = DEFAULT_FUTURE_TOLERANCE;

        private Builder(String name) {
            this.name = StateStore.requireName(name);
        }

        /** Where the state is kept. Required. */
        public Builder<T> store(StateStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Builds the connector for a since (empty on a first run without {@link #startAt(String)}). It
         * must ask for the records whose cursor is at or after the since. Required.
         */
        public Builder<T> connector(Function<Optional<String>, Connector<T>> factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** The cursor field, as a JSON Pointer ({@code "/updated_at"}). Required. */
        public Builder<T> cursorField(String pointer) {
            this.cursorPointer = RecordFields.compile(pointer, "cursor field");
            this.cursorText = pointer;
            return this;
        }

        /** How the cursor is written. Default {@link CursorFormat#ISO_INSTANT}. */
        public Builder<T> cursorFormat(CursorFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** How far before the greatest cursor the next run starts, for late writes. Default zero. */
        public Builder<T> lookback(Duration lookback) {
            Objects.requireNonNull(lookback, "lookback");
            if (lookback.isNegative()) {
                throw new IllegalArgumentException("lookback must not be negative, was " + lookback);
            }
            this.lookback = lookback;
            return this;
        }

        /** The since of the first run, in the cursor's format (e.g. only the last year). Default none. */
        public Builder<T> startAt(String since) {
            Objects.requireNonNull(since, "since");
            this.startAt = since;
            return this;
        }

        /** Dedupes the overlap by the field at this JSON Pointer (and the cursor value). */
        public Builder<T> primaryKey(String pointer) {
            this.key = RecordFields.scalar(RecordFields.compile(pointer, "primary key"));
            this.keyDescription = pointer;
            return this;
        }

        /** Dedupes the overlap by the key this function returns (and the cursor value). */
        public Builder<T> primaryKey(Function<? super T, String> key) {
            this.key = Objects.requireNonNull(key, "key");
            this.keyDescription = "key function";
            return this;
        }

        /** How many recent keys to remember (0 to 1,000,000). Default 1,000. */
        public Builder<T> recentKeys(int count) {
            this.recentKeys = Checkpointing.checkRecentKeys(count);
            return this;
        }

        /** Asked after a crash about each record of the in-doubt page; see {@link Checkpointing}. */
        public Builder<T> alreadyDelivered(Predicate<String> check) {
            this.alreadyDelivered = Objects.requireNonNull(check, "check");
            return this;
        }

        /**
         * The clock for the state's timestamps and for telling cursors in the future. Default: the
         * system UTC clock.
         */
        public Builder<T> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How far after now a record's cursor may lie and still be kept as the cursor (clock skew
         * between the API's servers and this host). Default 5 minutes. A value beyond it is delivered
         * but not kept, with a warning (see the class documentation); a larger tolerance lets a wrong
         * value hide records written until the clock passes it.
         */
        public Builder<T> futureCursorTolerance(Duration tolerance) {
            Objects.requireNonNull(tolerance, "tolerance");
            if (tolerance.isNegative()) {
                throw new IllegalArgumentException("futureCursorTolerance must not be negative, was " + tolerance);
            }
            this.futureTolerance = tolerance;
            return this;
        }

        /**
         * The immutable sync.
         *
         * @throws IllegalArgumentException if a required setting is missing, the start is not in the
         *     cursor format, or an already-delivered check has no primary key
         */
        public IncrementalSync<T> build() {
            if (store == null || factory == null || cursorPointer == null) {
                throw new IllegalArgumentException("incremental sync '" + name + "' needs store(...), "
                        + "cursorField(...) and connector(...)");
            }
            if (startAt != null && format.parse(startAt).isEmpty()) {
                throw new IllegalArgumentException("startAt \"" + startAt + "\" is not in the cursor format " + format);
            }
            if (alreadyDelivered != null && key == null) {
                throw new IllegalArgumentException("alreadyDelivered(...) needs a primaryKey(...) to ask about");
            }
            return new IncrementalSync<>(this);
        }
    }
}
