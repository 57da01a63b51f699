package dev.inlet.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.error.InletException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A source whose asynchronous opens wait until the test hands them their page. */
final class HeldPages implements PageSource {
    final OffsetPages pages;
    final LinkedBlockingQueue<Held> held = new LinkedBlockingQueue<>();

    HeldPages(OffsetPages pages) {
        this.pages = pages;
    }

    @Override
    public OpenPage open(Position position) {
        throw new AssertionError("an asynchronous run must not open a page synchronously");
    }

    @Override
    public CompletableFuture<OpenPage> openAsync(Position position) {
        Held page = new Held(position, new CompletableFuture<>());
        held.add(page);
        return page.future;
    }

    /** Waits (bounded) for the next page request and answers it on this thread. */
    Position answerNext() throws InterruptedException {
        Held next = held.poll(10, TimeUnit.SECONDS);
        assertThat(next).as("a page was requested").isNotNull();
        try {
            next.future.complete(pages.open(next.position));
        } catch (InletException failure) {
            next.future.completeExceptionally(failure);
        }
        return next.position;
    }

    /** A page request on hold: where, and the future the test completes. */
    record Held(Position position, CompletableFuture<OpenPage> future) {
    }
}
