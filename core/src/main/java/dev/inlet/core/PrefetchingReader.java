package dev.inlet.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's reader that keeps up to {@code depth - 1} pages requested ahead of the one being read (see
 * {@link PrefetchingSource}). Runs on the run's thread; the fetches ahead run on the executor.
 */
final class PrefetchingReader implements PageReader {

    private static final Logger LOG = LoggerFactory.getLogger(PrefetchingReader.class);
    /** Wrong predictions after which a run stops requesting ahead (the first is usually the last page). */
    static final int MAX_MISSES = 2;

    private final PageSource source;
    private final PagePrediction prediction;
    private final int depth;
    private final Executor executor;
    private final Deque<Speculation> ahead = new ArrayDeque<>();
    private int misses;
    private boolean closed;

    PrefetchingReader(PageSource source, PagePrediction prediction, int depth, Executor executor) {
        this.source = source;
        this.prediction = prediction;
        this.depth = depth;
        this.executor = executor;
    }

    @Override
    public OpenPage open(Position position) {
        if (closed) {
            throw new IllegalStateException("this run's page reader is closed");
        }
        Speculation hit = ahead.isEmpty() || !ahead.peekFirst().answers(position) ? null : ahead.pollFirst();
        boolean missed = hit == null && !ahead.isEmpty();
        if (missed) {
            // The page before did not name the page we requested: that guess and all after it are wrong.
            // Usually the page before came back short, which for offset and page numbers means this
            // page is the empty last one: do not guess past it before it is seen.
            cancelAhead();
            if (++misses == MAX_MISSES) {
                LOG.debug("{}: {} wrong predictions of the next page; this run stops requesting ahead", source,
                        misses);
            }
        }
        if (misses < MAX_MISSES && !missed) {
            // Known from the request alone: these leave before (and while) this page is fetched.
            requestAheadFromRequests(position);
        }
        OpenPage page;
        if (hit == null) {
            page = source.open(position);
        } else {
            OpenPage taken = hit.take();
            page = taken.position().equals(position) ? taken : new RebasedPage(taken, position);
        }
        if (misses < MAX_MISSES && !missed && ahead.isEmpty()) {
            // The head is all that is known of this page yet: its successor leaves now, and overlaps
            // its wait with this page's body.
            prediction.nextTokenFromHead(position, page.response())
                    .filter(token -> !position.token().filter(token::equals).isPresent())
                    .ifPresent(token -> launch(new Speculation(source, position.next(token, 0), false)));
        }
        return page;
    }

    /** Tops the pages ahead up to {@code depth - 1} with positions predicted from the requests. */
    private void requestAheadFromRequests(Position position) {
        Position last = ahead.isEmpty() ? position : ahead.peekLast().asked();
        while (ahead.size() < depth - 1) {
            Optional<Position> next = prediction.nextIfFull(last);
            if (next.isEmpty()) {
                return;
            }
            launch(new Speculation(source, next.get(), true));
            last = next.get();
        }
    }

    private void launch(Speculation speculation) {
        ahead.addLast(speculation);
        try {
            executor.execute(speculation);
        } catch (RejectedExecutionException full) {
            // Not started: the run fetches it itself when it gets there.
            LOG.debug("prefetch executor refused {}; fetched in turn instead", speculation.asked());
        }
    }

    private void cancelAhead() {
        while (!ahead.isEmpty()) {
            ahead.pollFirst().cancel();
        }
    }

    /** How many pages are requested ahead right now (for tests). */
    int ahead() {
        return ahead.size();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cancelAhead();
        }
    }
}
