package dev.inlet.core.state;

import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.error.InletException;
import dev.inlet.core.Page;
import dev.inlet.core.Position;
import dev.inlet.core.record.Rejection;
import dev.inlet.core.RunWarning;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The checkpointing loop shared by {@link Checkpointing} and {@link IncrementalSync}: read a page,
 * hand its records to the consumer, save the next position, repeat.
 *
 * <p>A page is read whole before any of its records is delivered, and its checkpoint is saved
 * before the next page is requested, so the only records a crash can repeat are those of the one
 * page being delivered at that moment; checkpoints written during a run are marked in doubt so the
 * next run knows which page that is.
 */
final class SyncEngine<T> {

    private final String name;
    private final StateStore store;
    private final Clock clock;
    private final Function<? super T, String> key;
    private final String keyDescription;
    private final int recentKeys;
    private final Predicate<String> alreadyDelivered;
    private final AtomicBoolean running = new AtomicBoolean();

    SyncEngine(String name, StateStore store, Clock clock, Function<? super T, String> key, String keyDescription,
            int recentKeys, Predicate<String> alreadyDelivered) {
        this.name = name;
        this.store = store;
        this.clock = clock;
        this.key = key;
        this.keyDescription = keyDescription;
        this.recentKeys = recentKeys;
        this.alreadyDelivered = alreadyDelivered;
    }

    String name() {
        return name;
    }

    ConnectorState load() {
        return store.load(name).orElse(ConnectorState.empty());
    }

    Optional<ConnectorState> stored() {
        return store.load(name);
    }

    /** Claims the state's name for one run at a time in this process. */
    void claim() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("state '" + name + "' is already being synced by another run; runs of "
                    + "one state must not overlap (a Scheduler never overlaps runs of one job)");
        }
    }

    void release() {
        running.set(false);
    }

    /**
     * Runs the connector from the loaded state's position (or the start) to its end.
     *
     * @param cursor the incremental cursor to track, or null
     * @param keepKeys whether the recent keys outlive a completed run (incremental overlap)
     */
    SyncReport run(Connector<T> connector, ConnectorState loaded, Optional<String> since, CursorTracker<T> cursor,
            boolean keepKeys, Consumer<? super T> sink) {
        Optional<Position> resumedFrom = loaded.position();
        Position resumeAt = loaded.nextRunStart();
        Optional<String> continuation = Optional.empty();
        boolean inDoubt = resumedFrom.isPresent() && loaded.inDoubt();
        RecentKeys recent = new RecentKeys(recentKeys, loaded.recentKeys());
        ConnectorState base = loaded.withSince(since);
        long delivered = 0;
        long dropped = 0;
        long confirmed = 0;
        ConnectorRun<T> run = connector.open(resumeAt);
        ConnectorState saved;
        // Opened first (it reads nothing until asked) so that every save is reported on the run's id.
        try (Stream<Page<T>> pages = run.pages()) {
            // Saved before anything is read, so a resumed incremental run repeats the same query.
            save(run, base.withPosition(resumeAt, true));
            try {
                Iterator<Page<T>> it = pages.iterator();
                while (it.hasNext()) {
                    Page<T> page = it.next();
                    int[] rawIndex = rawIndices(page);
                    List<T> records = page.records();
                    for (int i = 0; i < records.size(); i++) {
                        T record = records.get(i);
                        resumeAt = page.position().withSkip(rawIndex[i]);
                        String k = key == null ? null : keyOf(record, resumeAt, rawIndex[i]);
                        Instant value = cursor == null ? null : cursor.read(record, resumeAt, rawIndex[i]);
                        String id = k == null ? null : value == null ? k : k + "@" + cursor.format(value);
                        if (id != null && recent.contains(id)) {
                            dropped++;
                            continue;
                        }
                        if (inDoubt && k != null && alreadyDelivered != null && alreadyDelivered.test(k)) {
                            recent.add(id);
                            confirmed++;
                            continue;
                        }
                        sink.accept(record);
                        delivered++;
                        if (id != null) {
                            recent.add(id);
                        }
                        if (value != null && !cursor.delivered(value)) {
                            run.warn(RunWarning.CURSOR_IN_FUTURE, "record " + rawIndex[i] + " of "
                                    + page.position().withSkip(0).describe() + (k == null ? "" : " (key " + k + ")")
                                    + " has " + cursor.pointer() + " = " + cursor.format(value) + ", "
                                    + cursor.beyondTolerance(value).map(SyncEngine::describe).orElse("ahead")
                                    + " after now (tolerance " + describe(cursor.tolerance()) + "); it was delivered, "
                                    + "but is not kept as the cursor, or every later run would ask for records after it "
                                    + "and get none");
                        }
                    }
                    inDoubt = false;
                    continuation = page.continuation();
                    if (page.next().isPresent()) {
                        resumeAt = page.next().get();
                        save(run, withCursor(base, cursor).withRecentKeys(recent.toList())
                                .withPosition(resumeAt, true));
                    }
                }
            } catch (RuntimeException e) {
                if (e instanceof InletException inlet) {
                    inlet.locate(name, resumeAt);
                }
                // Exact: the records before resumeAt were delivered; a doubtful page stays in doubt.
                try {
                    save(run, withCursor(base, cursor).withRecentKeys(recent.toList()).withPosition(resumeAt, inDoubt));
                } catch (RuntimeException saveFailed) {
                    e.addSuppressed(saveFailed);
                }
                throw e;
            }
            Instant now = clock.instant();
            ConnectorState done = withCursor(base, cursor).withoutPosition().withContinuation(continuation)
                    .withRecentKeys(keepKeys ? recent.toList() : List.of()).withLastCompletedAt(now);
            saved = save(run, done);
        }
        return new SyncReport(name, run.report(), delivered, dropped, confirmed, resumedFrom, since, saved);
    }

    /** A duration for people: the largest unit that fits (days, hours, minutes, seconds). */
    static String describe(Duration d) {
        if (d.toDays() >= 365) {
            return d.toDays() / 365 + " years";
        }
        if (d.toDays() > 0) {
            return d.toDays() + " days";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private ConnectorState save(ConnectorRun<T> run, ConnectorState state) {
        ConnectorState stamped = state.withUpdatedAt(clock.instant());
        long started = System.nanoTime();
        boolean succeeded = false;
        try {
            store.save(name, stamped);
            succeeded = true;
        } finally {
            // nanoTime, not the injected clock: this is a latency for monitoring, and reading the clock
            // here would shift the timestamps that tests with a stepping clock expect.
            run.stateCommitted(name, Duration.ofNanos(System.nanoTime() - started), succeeded);
        }
        return stamped;
    }

    private static <T> ConnectorState withCursor(ConnectorState state, CursorTracker<T> cursor) {
        return cursor == null ? state : state.withCursor(cursor.max());
    }

    private String keyOf(T record, Position at, int index) {
        String value = key.apply(record);
        if (value == null) {
            throw new SyncException("Record " + index + " of " + at.describe() + " of '" + name
                    + "' has no primary key (" + keyDescription + ")",
                    "Check the primary key pointer against the records, or drop records without one in a validator");
        }
        return value;
    }

    /** The index within its page of each delivered record, counting rejected records too. */
    private static int[] rawIndices(Page<?> page) {
        Set<Integer> rejected = new HashSet<>();
        for (Rejection r : page.rejections()) {
            rejected.add(r.indexInPage());
        }
        int[] out = new int[page.records().size()];
        int raw = page.position().skip();
        for (int i = 0; i < out.length; i++) {
            while (rejected.contains(raw)) {
                raw++;
            }
            out[i] = raw++;
        }
        return out;
    }
}
