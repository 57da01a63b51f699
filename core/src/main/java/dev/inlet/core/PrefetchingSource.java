package dev.inlet.core;

import dev.inlet.core.internal.WaitingThreads;
import java.util.Objects;
import java.util.concurrent.Executor;
import tools.jackson.databind.ObjectReader;

/**
 * A {@link PageSource} whose runs request up to {@code depth} pages at once, for sources that can
 * predict their next page ({@link PagePrediction}): offset and page-number paging with a known page
 * size from the request alone, {@code Link} and header cursors from each response head. Records are
 * still handed out strictly in order, and everything else a run promises holds:
 *
 * <ul>
 *   <li><b>Exact positions.</b> A page requested ahead is used only when the page before it really
 *       names it as the next page; otherwise it and every page after it are cancelled and the run
 *       goes on from the real next position. So {@link ConnectorRun#position()} and a resume never
 *       skip or repeat a record.</li>
 *   <li><b>Errors in order.</b> A page requested ahead that fails keeps its failure until the run
 *       reaches it: the pages before it are delivered first.</li>
 *   <li><b>Limits.</b> Every request passes the pipeline as before — rate limiter, retry budget,
 *       circuit breaker, credentials — so {@code depth} is an upper bound and the limiter decides.</li>
 *   <li><b>Nothing leaks.</b> When a run ends (last page, an error, {@code close()}), the pages ahead
 *       are cancelled: a request not started never starts, one waiting is interrupted, a response
 *       already there is closed.</li>
 * </ul>
 *
 * <p>The cost: at the end of the data up to {@code depth - 1} requests were made for pages past the
 * end (each counts against the rate limit), and up to {@code depth} responses are open at once. A
 * source that cannot predict gets a plain reader. Fetches ahead run on virtual threads on Java 21+,
 * else on a shared pool of at most {@value WaitingThreads#SHARED_POOL_THREADS} daemon threads (a page
 * whose turn comes before a thread took it is fetched by the run itself). Immutable and thread-safe.
 */
public final class PrefetchingSource implements PageSource {

    /** The largest depth allowed. */
    public static final int MAX_DEPTH = 64;

    private final PageSource source;
    private final int depth;
    private final Executor executor;

    private PrefetchingSource(PageSource source, int depth, Executor executor) {
        this.source = Objects.requireNonNull(source, "source");
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("prefetch depth must be between 1 (off) and " + MAX_DEPTH
                    + ", was " + depth);
        }
        this.depth = depth;
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * The source with up to {@code depth} pages in flight per run (1: none ahead) on the shared
     * executor (virtual threads on Java 21+, else a bounded daemon pool).
     *
     * @throws IllegalArgumentException if depth is not between 1 and {@link #MAX_DEPTH}
     */
    public static PrefetchingSource of(PageSource source, int depth) {
        return new PrefetchingSource(source, depth, WaitingThreads.shared());
    }

    /** As {@link #of(PageSource, int)}, fetching ahead on the host's executor (never shut down here). */
    public static PrefetchingSource of(PageSource source, int depth, Executor executor) {
        return new PrefetchingSource(source, depth, executor);
    }

    /** How many pages a run may have in flight at once. */
    public int depth() {
        return depth;
    }

    /** The source underneath. */
    public PageSource delegate() {
        return source;
    }

    @Override
    public OpenPage open(Position position) {
        return source.open(position);
    }

    /** The delegate's: an asynchronous open is one page, nothing ahead. */
    @Override
    public java.util.concurrent.CompletableFuture<OpenPage> openAsync(Position position) {
        return source.openAsync(position);
    }

    @Override
    public boolean opensAsynchronously() {
        return source.opensAsynchronously();
    }

    @Override
    public PageSource binding(ObjectReader reader) {
        PageSource bound = source.binding(reader);
        return bound == source ? this : new PrefetchingSource(bound, depth, executor);
    }

    /** A reader that requests ahead when the source can predict its pages, else a plain one. */
    @Override
    public PageReader reader() {
        if (depth > 1 && source instanceof PagePrediction prediction) {
            return new PrefetchingReader(source, prediction, depth, executor);
        }
        return source.reader();
    }

    @Override
    public String toString() {
        return "Prefetching[" + depth + ", " + source + "]";
    }
}
