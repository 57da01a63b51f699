package dev.inlet.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import dev.inlet.core.error.InletException;
import dev.inlet.core.error.PaginationException;
import dev.inlet.core.record.InMemoryQuarantine;
import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.record.QuarantineSink;
import dev.inlet.core.record.RecordMapper;
import dev.inlet.core.record.RecordValidator;
import dev.inlet.core.record.Rejection;

/**
 * A named source of records, fetched lazily page by page.
 *
 * <p>{@link #records()} is a lazy {@link Stream}: one request per page as the stream is consumed,
 * records decoded from each response as they are read, the response released when the stream is
 * exhausted or closed (use try-with-resources if you may stop early). {@link #pages()} is the same
 * page by page. {@link #open(Position)} returns the {@link ConnectorRun} behind both, for hosts that
 * want the resume position and the run report. {@link #fetch(Position)} is the single pure step for
 * engines that drive paging themselves.
 *
 * <p>Every record passes the connector's {@link RecordValidator} and {@link RecordMapper}; one that
 * fails is handled by its {@link InvalidRecordPolicy}. Immutable and thread-safe: runs are
 * independent and may proceed concurrently.
 *
 * <pre>{@code
 * Connector<Charge> charges = Connector.builder("charges", source).mapTo(Charge.class).build();
 * try (Stream<Charge> stream = charges.records()) {
 *     stream.forEach(this::store);
 * }
 * }</pre>
 *
 * @param <T> the record type
 */
public final class Connector<T> {

    private final String name;
    private final PageSource source;
    private final PageSource reading;
    private final RecordValidator validator;
    private final RecordMapper<T> mapper;
    private final InvalidRecordPolicy onInvalid;
    private final QuarantineSink quarantine;
    private final InletListener listener;
    private final Clock clock;
    private final int reportedRejections;
    private final PagingGuards pagingGuards;
    private final AtomicReference<RunReport> lastReport = new AtomicReference<>();

    private Connector(Builder<T> b) {
        this.name = b.name;
        this.source = b.source;
        // Without validation nothing needs the tree: let the source bind typed records directly.
        this.reading = b.validator == ConnectorDefaults.NO_VALIDATION
                ? b.mapper.directReader().map(b.source::binding).orElse(b.source) : b.source;
        this.validator = b.validator;
        this.mapper = b.mapper;
        this.onInvalid = b.onInvalid;
        this.quarantine = b.quarantine;
        this.listener = b.listener;
        this.clock = b.clock;
        this.reportedRejections = b.reportedRejections;
        this.pagingGuards = new PagingGuards(b.maxEmptyPagesInARow, b.allowRepeatedPages);
    }

    /**
     * A builder for a connector over a page source. Records are {@link JsonNode} until
     * {@link Builder#mapTo(Class)} or {@link Builder#mapper(RecordMapper)} says otherwise.
     */
    public static Builder<JsonNode> builder(String name, PageSource source) {
        return new Builder<>(name, source);
    }

    /** The connector's name, used in logs, errors, state and reports. */
    public String name() {
        return name;
    }

    /** The pure step underneath: raw records, no validation. */
    public PageSource source() {
        return source;
    }

    /** All records from the first page on; see the class documentation. */
    public Stream<T> records() {
        return records(Position.start());
    }

    /** All records from a saved position on: exactly those not delivered before it was saved. */
    public Stream<T> records(Position from) {
        return open(from).records();
    }

    /** All pages from the first on, each held in memory while you look at it. */
    public Stream<Page<T>> pages() {
        return pages(Position.start());
    }

    /** All pages from a saved position on. */
    public Stream<Page<T>> pages(Position from) {
        return open(from).pages();
    }

    /** Starts a run at the first page. */
    public ConnectorRun<T> open() {
        return open(Position.start());
    }

    /** Starts a run at a position; nothing is requested until records or pages are read. */
    public ConnectorRun<T> open(Position from) {
        Objects.requireNonNull(from, "from");
        return new ConnectorRun<>(this, from);
    }

    /**
     * Reads every record from the first page on into the consumer, as {@code open().forEachRemaining}
     * does (same events, validation, guards and report), without a thread waiting for its pages: the
     * future completes with the run's report, or fails with the {@link InletException} the run failed
     * with (its {@link InletException#resumePosition()} says where a new run would continue).
     *
     * <p><b>Threads.</b> Pages are opened with {@link PageSource#openAsync}: a REST source over
     * {@link dev.inlet.core.http.Transport#jdk()} holds no thread while a page is on its way, on Java 17
     * too, so thousands of runs can wait at once; other sources wait on a virtual thread (Java 21+) or a
     * shared pool. The consumer is called on the thread that delivered the page (the caller's for the
     * first steps, then Inlet's waiting threads), one record at a time, never concurrently for one run;
     * a consumer shared by several runs must be thread-safe, and should hand slow work elsewhere. One page
     * at a time: a {@link PrefetchingSource}'s pages ahead are for the synchronous run.
     *
     * <p>Cancelling the future ends the run: the page on its way is cancelled (closed if it still
     * arrives) and no further record is delivered.
     */
    public CompletableFuture<RunReport> readAsync(Consumer<? super T> consumer) {
        return readAsync(Position.start(), consumer);
    }

    /** As {@link #readAsync(Consumer)}, from a saved position on. */
    public CompletableFuture<RunReport> readAsync(Position from, Consumer<? super T> consumer) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(consumer, "consumer");
        return AsyncRun.start(this, from, consumer);
    }

    /**
     * Fetches, validates and maps the page at a position: the step for engines that store positions
     * themselves. The result's {@link Page#next()} is the position to store and ask for next.
     *
     * @throws InletException if the page cannot be fetched, or a record is invalid under
     *     {@link InvalidRecordPolicy#FAIL}; its {@link InletException#resumePosition()} is {@code at}
     */
    public Page<T> fetch(Position at) {
        Objects.requireNonNull(at, "at");
        try (OpenPage page = reading.open(at)) {
            List<T> records = new ArrayList<>();
            List<Rejection> rejections = new ArrayList<>();
            int index = at.skip();
            while (page.hasNext()) {
                T value = processor().process(page.next(), at, index++, rejections);
                if (value != null) {
                    records.add(value);
                }
            }
            Optional<Position> next = page.nextPosition();
            Page<T> result = new Page<>(page.position(), records, page.response(), next, rejections,
                    next.isEmpty() ? page.continuationToken() : Optional.empty());
            page.warnings().forEach(w -> Listeners.safely(() -> listener.warning(w)));
            return result;
        } catch (InletException e) {
            throw e.locate(name, at);
        }
    }

    /** Where quarantined records go (an {@link InMemoryQuarantine} unless one was configured). */
    public QuarantineSink quarantine() {
        return quarantine;
    }

    /** The report of the most recently finished run of this connector, if any. */
    public Optional<RunReport> lastReport() {
        return Optional.ofNullable(lastReport.get());
    }

    /** The source runs read from: the raw source, or its binding form for typed records. */
    PageSource reading() {
        return reading;
    }

    RecordProcessor<T> processor() {
        return new RecordProcessor<>(name, validator, mapper, onInvalid, quarantine);
    }

    InletListener listener() {
        return listener;
    }

    Clock clock() {
        return clock;
    }

    int reportedRejections() {
        return reportedRejections;
    }

    PagingGuards pagingGuards() {
        return pagingGuards;
    }

    void finished(RunReport report) {
        lastReport.set(report);
        Listeners.safely(() -> listener.connectorDone(report));
    }

    @Override
    public String toString() {
        return "Connector[" + name + "]";
    }

    /**
     * Builds a {@link Connector}. Not thread-safe; the connector it builds is.
     *
     * <p>Defaults: no validation; records stay {@link JsonNode}; {@link InvalidRecordPolicy#FAIL};
     * quarantine to a new {@link InMemoryQuarantine}; no listener; the system UTC clock; the first 20
     * rejections (and warnings) of a run kept in full in its report; the paging guards on: a run fails
     * after 10 empty pages in a row that each name a next page, and on a page that repeats the records
     * of the page before it.
     *
     * @param <T> the record type
     */
    public static final class Builder<T> {
        private final String name;
        private final PageSource source;
        private RecordValidator validator = ConnectorDefaults.NO_VALIDATION;
        private RecordMapper<T> mapper;
        private InvalidRecordPolicy onInvalid = InvalidRecordPolicy.FAIL;
        private QuarantineSink quarantine;
        private InletListener listener = InletListener.none();
        private Clock clock = Clock.systemUTC();
        private int reportedRejections = ConnectorDefaults.REPORTED_REJECTIONS;
        private int maxEmptyPagesInARow = PagingGuards.DEFAULT_MAX_EMPTY_PAGES;
        private boolean allowRepeatedPages;

        @SuppressWarnings("unchecked")
        private Builder(String name, PageSource source) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a connector needs a non-blank name");
            }
            this.name = name;
            this.source = Objects.requireNonNull(source, "source");
            this.mapper = (RecordMapper<T>) RecordMapper.json();
        }

        /** Checks every raw record before it is mapped; see {@code dev.inlet.core.validation}. */
        public Builder<T> validator(RecordValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /** Maps records to a class or record type with Inlet's default Jackson settings. */
        public <U> Builder<U> mapTo(Class<U> type) {
            return mapper(RecordMapper.to(type));
        }

        /** Maps records with the given mapper. */
        @SuppressWarnings("unchecked")
        public <U> Builder<U> mapper(RecordMapper<U> mapper) {
            Builder<U> self = (Builder<U>) this;
            self.mapper = Objects.requireNonNull(mapper, "mapper");
            return self;
        }

        /** What to do with a record that fails validation or mapping. */
        public Builder<T> onInvalid(InvalidRecordPolicy policy) {
            this.onInvalid = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Where quarantined records go; implies nothing about the policy. */
        public Builder<T> quarantine(QuarantineSink sink) {
            this.quarantine = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Observes pages and finished runs. */
        public Builder<T> listener(InletListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The clock for report timings. */
        public Builder<T> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How many rejections a run report keeps in full (counts are always complete). */
        public Builder<T> reportedRejections(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("reportedRejections must be >= 0, was " + count);
            }
            this.reportedRejections = count;
            return this;
        }

        /**
         * How many empty pages in a row may each name a next page before a run fails with a
         * {@link PaginationException} (a server handing out fresh cursors forever). Default 10; raise it
         * for an API that legitimately returns long runs of empty pages (a filtered scan);
         * {@link Integer#MAX_VALUE} turns the guard off.
         */
        public Builder<T> maxEmptyPagesInARow(int max) {
            this.maxEmptyPagesInARow = PagingGuards.checkMaxEmptyPages(max);
            return this;
        }

        /**
         * Whether a page may hold exactly the records of the page before it. Default false: such a page
         * fails the run with a {@link PaginationException} (a server that ignores the paging parameter
         * returns the same page forever).
         */
        public Builder<T> allowRepeatedPages(boolean allow) {
            this.allowRepeatedPages = allow;
            return this;
        }

        /** The immutable connector. */
        public Connector<T> build() {
            if (quarantine == null) {
                quarantine = new InMemoryQuarantine();
            }
            return new Connector<>(this);
        }
    }
}
