package dev.inlet.core;

import dev.inlet.core.internal.Futures;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The reader of an {@link AsyncRun}: the run's driver asks it to {@link #prepare} the next page with
 * {@link PageSource#openAsync}, and lets the run open it only once it is ready, so opening never waits.
 * One page at a time: this is how many sources wait at once without a thread each, not how one source
 * reads ahead (that is {@link PrefetchingSource}'s, on threads). Not thread-safe: the run's one driver
 * uses it, one step after another, whichever thread each step runs on.
 */
final class PreparedPages implements PageReader {

    private final PageSource source;
    private Position preparedAt;
    /** Volatile: {@link #cancel} comes from the thread that cancels the run. */
    private volatile CompletableFuture<OpenPage> prepared;

    PreparedPages(PageSource source) {
        this.source = source;
    }

    /** The page at the position on its way: started now, or the one already started for it. */
    CompletableFuture<OpenPage> prepare(Position position) {
        CompletableFuture<OpenPage> page = prepared;
        if (page == null || !position.equals(preparedAt)) {
            cancel();
            page = source.openAsync(position);
            preparedAt = position;
            prepared = page;
        }
        return page;
    }

    /** Whether the page at the position has arrived (or failed): opening it returns at once. */
    boolean isReady(Position position) {
        CompletableFuture<OpenPage> page = prepared;
        return page != null && page.isDone() && position.equals(preparedAt);
    }

    @Override
    public OpenPage open(Position position) {
        CompletableFuture<OpenPage> page = prepared;
        if (page == null || !position.equals(preparedAt)) {
            return source.open(position);
        }
        prepared = null;
        try {
            return page.join();
        } catch (CompletionException failed) {
            throw Futures.rethrow(failed);
        } catch (CancellationException cancelled) {
            throw new IllegalStateException("the run was cancelled while " + position.describe() + " was on its way",
                    cancelled);
        }
    }

    /** Cancels the page on its way; one that arrives afterwards is closed. */
    void cancel() {
        CompletableFuture<OpenPage> page = prepared;
        if (page != null) {
            prepared = null;
            page.cancel(true);
        }
    }

    @Override
    public void close() {
        cancel();
    }
}
