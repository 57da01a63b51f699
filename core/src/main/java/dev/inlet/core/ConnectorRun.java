package dev.inlet.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import dev.inlet.core.error.DecodingException;
import dev.inlet.core.error.InletException;
import dev.inlet.core.error.InvalidRecordException;
import dev.inlet.core.error.PaginationException;
import dev.inlet.core.record.Rejection;
import dev.inlet.core.record.Violation;

/**
 * One run of a {@link Connector}: reads pages from a starting position, delivers valid records,
 * tracks where to resume, and reports what happened.
 *
 * <p>Read it once: as {@link #records()}, as {@link #pages()}, or as an {@link Iterator} of records. {@link #position()} is, at
 * any moment, the position from which a new run would deliver exactly the records this one has not
 * delivered yet. If the run fails, the exception's {@link InletException#resumePosition()} is that
 * position. Not thread-safe: one consumer reads a run.
 *
 * @param <T> the record type
 */
public final class ConnectorRun<T> implements Iterator<T>, AutoCloseable {

    private static final String START_TOKEN = "\u0000start";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConnectorRun.class);

    private final Connector<T> connector;
    private final RecordProcessor<T> processor;
    private final Instant startedAt;
    private final Set<String> requestedTokens = new HashSet<>();
    private final Map<String, Long> rejectedByRule = new HashMap<>();
    private final List<Rejection> firstRejections = new ArrayList<>();
    private final List<Rejection> pageRejections = new ArrayList<>();
    private final List<RunWarning> firstWarnings = new ArrayList<>();
    private final PagingGuard guard;
    private final RunContext context;
    private final RunContext.Scope scope;
    /** Opens the run's pages; a prefetching source's reader works ahead and is closed when the run ends. */
    private final PageReader reader;
    private int warnings;

    private Position current;
    private OpenPage page;
    private Instant pageStartedAt;
    private int handledInPage;
    private int validInPage;
    private int rejectedInPage;
    private T pending;
    private Mode mode = Mode.UNREAD;
    private boolean exhausted;
    private boolean finished;
    private String failure;

    private int pages;
    private long seen;
    private long valid;
    private long rejected;
    private int retries;
    private Duration waited = Duration.ZERO;

    ConnectorRun(Connector<T> connector, Position from) {
        this(connector, from, connector.reading().reader());
    }

    /** A run opening its pages through this reader ({@link AsyncRun}'s, which opens them ahead without waiting). */
    ConnectorRun(Connector<T> connector, Position from, PageReader reader) {
        this.connector = connector;
        this.processor = connector.processor();
        this.current = from;
        this.startedAt = connector.clock().instant();
        this.guard = new PagingGuard(connector.pagingGuards());
        this.reader = reader;
        this.context = new RunContext(connector.name(), connector.name(), RunContext.newRunId());
        this.scope = context.scope();
        try (RunContext.Scope ignored = scope.enter()) {
            InletListener.RunStarted event = new InletListener.RunStarted(connector.name(), context.runId(), from);
            Listeners.safely(() -> connector.listener().runStarted(event));
        }
    }

    /** This run's id, unique per run: on its listener events and, while it works, in {@link RunContext}. */
    public String id() {
        return context.runId();
    }

    /**
     * The run's records as a lazy stream; closing the stream closes the run. A record counts as
     * delivered when the stream passes it on. {@link Stream#iterator()} reads one record ahead of
     * its caller: to track positions exactly while iterating, use the run itself as the iterator.
     */
    public Stream<T> records() {
        claim(Mode.STREAM);
        Iterator<T> records = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return advance();
            }

            @Override
            public T next() {
                return take();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(records,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    /** Whether another valid record follows; reads ahead without counting it as delivered. */
    @Override
    public boolean hasNext() {
        claim(Mode.ITERATOR);
        return advance();
    }

    /** The next valid record, now counted as delivered. */
    @Override
    public T next() {
        claim(Mode.ITERATOR);
        return take();
    }

    private T take() {
        if (!advance()) {
            throw new NoSuchElementException("connector '" + connector.name() + "' has no more records");
        }
        T value = pending;
        pending = null;
        handledInPage++;
        return value;
    }

    /** The run's pages as a lazy stream, each held in memory; closing the stream closes the run. */
    public Stream<Page<T>> pages() {
        claim(Mode.PAGES);
        Iterator<Page<T>> iterator = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !exhausted && !finished;
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("connector '" + connector.name() + "' has no more pages");
                }
                return readWholePage();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    /** Where a new run would continue so that no record is lost or repeated. */
    public Position position() {
        return page == null ? current : current.withSkip(current.skip() + handledInPage);
    }

    /** A snapshot of what the run has done so far (final once the run has ended). */
    public RunReport report() {
        Duration elapsed = Duration.between(startedAt, connector.clock().instant());
        return new RunReport(connector.name(), startedAt, elapsed.isNegative() ? Duration.ZERO : elapsed, pages,
                seen, valid, rejected, rejectedByRule, firstRejections, retries, waited, exhausted,
                Optional.ofNullable(failure), exhausted ? Optional.empty() : Optional.of(position()), firstWarnings,
                warnings);
    }

    /**
     * Records a warning about this run: logged at WARN, passed to the connector's listener, counted in
     * the report. For code that drives a run and judges its records (e.g. an incremental sync).
     *
     * @param kind a short stable code (see {@link RunWarning})
     * @param message what happened, where, and what to do (without secrets)
     */
    public void warn(String kind, String message) {
        RunWarning warning = new RunWarning(connector.name(), kind, message, Optional.of(position()));
        LOG.warn("Connector '{}': {}", connector.name(), message);
        record(warning);
    }

    /**
     * Reports that this run's state was written to a store (or that the write failed), to the
     * connector's listener as {@link InletListener#stateCommitted}. For code that keeps a run's state
     * (e.g. {@code Checkpointing}); it does not change the run.
     *
     * @param state the name the state is stored under
     * @param elapsed how long the write took
     * @param succeeded false if the store threw
     */
    public void stateCommitted(String state, Duration elapsed, boolean succeeded) {
        InletListener.StateCommitted event = new InletListener.StateCommitted(connector.name(), context.runId(),
                state, elapsed.isNegative() ? Duration.ZERO : elapsed, succeeded);
        Listeners.safely(() -> connector.listener().stateCommitted(event));
    }

    private void record(RunWarning warning) {
        warnings++;
        if (firstWarnings.size() < connector.reportedRejections()) {
            firstWarnings.add(warning);
        }
        Listeners.safely(() -> connector.listener().warning(warning));
    }

    /** Releases the current response and ends the run; safe to call twice. */
    @Override
    public void close() {
        try (RunContext.Scope ignored = scope.enter()) {
            closeInRun();
        }
    }

    private void closeInRun() {
        if (page != null) {
            page.close();
        }
        finish();
    }

    private void claim(Mode wanted) {
        if (mode == Mode.UNREAD) {
            mode = wanted;
        } else if (mode != wanted || wanted != Mode.ITERATOR) {
            throw new IllegalStateException("a ConnectorRun is read once, as a stream of records, as pages or as "
                    + "an iterator; call connector.open() for another run");
        }
    }

    /** How a run is being read. */
    private enum Mode {
        UNREAD, STREAM, PAGES, ITERATOR
    }

    /** Moves to the next valid record, opening and finishing pages as needed; false at the end. */
    private boolean advance() {
        if (pending != null) {
            // Already read ahead (hasNext, then next): no work, so no need to make the run current. Entering the
            // scope costs MDC puts and restores, and a stream asks twice per record.
            return true;
        }
        try (RunContext.Scope ignored = scope.enter()) {
            return advanceInRun(Integer.MAX_VALUE);
        }
    }

    /**
     * For {@link AsyncRun}: as {@link #hasNext}, opening at most one page, and only when {@code mayOpen}
     * (the reader has it ready). False at the end of the run, or when the page at {@link #position()}
     * must be opened first ({@link #awaitsPage()}).
     */
    boolean advanceWithin(boolean mayOpen) {
        claim(Mode.ITERATOR);
        if (pending != null) {
            return true;
        }
        try (RunContext.Scope ignored = scope.enter()) {
            return advanceInRun(mayOpen ? 1 : 0);
        }
    }

    /** Whether the run goes on with the page at {@link #position()}, not yet opened. */
    boolean awaitsPage() {
        return page == null && pending == null && !exhausted && !finished;
    }

    /** Moves to the next valid record, opening at most {@code opens} pages; false at the end or out of opens. */
    private boolean advanceInRun(int opens) {
        int left = opens;
        try {
            while (pending == null) {
                if (finished && !exhausted) {
                    return false;
                }
                if (page == null) {
                    if (exhausted || left-- <= 0) {
                        return false;
                    }
                    openPage();
                }
                if (page.hasNext()) {
                    JsonNode raw = page.next();
                    seen++;
                    T value = processor.process(raw, current, current.skip() + handledInPage, pageRejections);
                    if (value == null) {
                        countRejections();
                        handledInPage++;
                    } else {
                        valid++;
                        validInPage++;
                        pending = value;
                    }
                } else {
                    finishPage();
                }
            }
            return true;
        } catch (InvalidRecordException e) {
            countRejections();
            throw fail(e);
        } catch (InletException e) {
            throw fail(e);
        } catch (JacksonException e) {
            throw fail(new DecodingException("Malformed record in the response", -1, "",
                    "The server sent data that is not valid for its content type", e));
        }
    }

    private Page<T> readWholePage() {
        try (RunContext.Scope ignored = scope.enter()) {
            return readWholePageInRun();
        }
    }

    private Page<T> readWholePageInRun() {
        List<T> records = new ArrayList<>();
        try {
            openPage();
            while (page.hasNext()) {
                JsonNode raw = page.next();
                seen++;
                T value = processor.process(raw, current, current.skip() + handledInPage, pageRejections);
                if (value == null) {
                    countRejections();
                } else {
                    valid++;
                    validInPage++;
                    records.add(value);
                }
                handledInPage++;
            }
            Position at = current;
            ResponseInfo response = page.response();
            List<Rejection> rejections = List.copyOf(pageRejections);
            Optional<String> continuation = page.nextPosition().isEmpty() ? page.continuationToken() : Optional.empty();
            Optional<Position> next = finishPage();
            return new Page<>(at, records, response, next, rejections, continuation);
        } catch (InvalidRecordException e) {
            countRejections();
            throw fail(e);
        } catch (InletException e) {
            throw fail(e);
        }
    }

    private void openPage() {
        String key = current.token().orElse(START_TOKEN);
        if (!requestedTokens.add(key)) {
            throw new PaginationException("The next page repeats a page already requested in this run ("
                    + current.describe() + "); paging would loop forever",
                    "The API returned the same cursor or link twice; check the paginator's configuration");
        }
        pageStartedAt = connector.clock().instant();
        handledInPage = 0;
        validInPage = 0;
        rejectedInPage = 0;
        pageRejections.clear();
        InletListener.PageStarted started = new InletListener.PageStarted(connector.name(), context.runId(), current);
        Listeners.safely(() -> connector.listener().pageStarted(started));
        page = guard.watch(reader.open(current));
    }

    private Optional<Position> finishPage() {
        Optional<Position> next = page.nextPosition();
        retries += page.retries();
        waited = waited.plus(page.waited());
        page.warnings().forEach(this::record);
        page.close();
        page = null;
        pages++;
        Duration elapsed = Duration.between(pageStartedAt, connector.clock().instant());
        InletListener.PageDone event = new InletListener.PageDone(connector.name(), current, next, validInPage,
                rejectedInPage, elapsed.isNegative() ? Duration.ZERO : elapsed, context.runId());
        Listeners.safely(() -> connector.listener().pageDone(event));
        if (next.isEmpty()) {
            exhausted = true;
            finish();
        } else {
            current = next.get();
        }
        return next;
    }

    private void countRejections() {
        for (Rejection rejection : pageRejections.subList(rejectedInPage, pageRejections.size())) {
            rejected++;
            // A record counts once per rule it broke, however many of its fields broke that rule.
            rejection.violations().stream().map(Violation::rule).distinct()
                    .forEach(rule -> rejectedByRule.merge(rule, 1L, Long::sum));
            if (firstRejections.size() < connector.reportedRejections()) {
                firstRejections.add(rejection);
            }
        }
        rejectedInPage = pageRejections.size();
    }

    private InletException fail(InletException e) {
        e.locate(connector.name(), position());
        failure = e.getMessage();
        close();
        return e;
    }

    private void finish() {
        reader.close();
        if (!finished) {
            finished = true;
            RunReport report = report();
            Listeners.safely(() -> connector.listener().runFinished(new InletListener.RunFinished(context.runId(), report)));
            connector.finished(report);
        }
    }
}
