package dev.inlet.core;

import dev.inlet.core.error.TransportException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;

/**
 * An in-memory offset-paged source of the records 0..n-1 that predicts its next page (offset plus
 * the page size), with seeded faults and gates, and that counts what it opened, closed and has
 * running, so tests can check order, exact positions and that nothing is left behind.
 */
class OffsetPages implements PageSource, PagePrediction {

    private final int total;
    private final int pageSize;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private volatile BiPredicate<Long, Integer> failOpen = (offset, attempt) -> false;
    private volatile BiPredicate<Long, Integer> failMidPage = (offset, attempt) -> false;
    private volatile IntPredicate blockPage = index -> false;
    private volatile java.util.function.LongPredicate halfPage = offset -> false;
    private volatile java.util.concurrent.CyclicBarrier firstTwo;

    OffsetPages(int total, int pageSize) {
        this.total = total;
        this.pageSize = pageSize;
    }

    /** Fails opening the page at an offset on the given attempt (1-based, per offset). */
    OffsetPages failOpen(BiPredicate<Long, Integer> when) {
        this.failOpen = when;
        return this;
    }

    /** Fails the body of the page at an offset halfway through, on the given attempt. */
    OffsetPages failMidPage(BiPredicate<Long, Integer> when) {
        this.failMidPage = when;
        return this;
    }

    /** The pages at these offsets come back half full although more follow (the guess of the next page is wrong). */
    OffsetPages halfPages(java.util.function.LongPredicate at) {
        this.halfPage = at;
        return this;
    }

    /** Opens of these page indexes wait until their thread is interrupted, then fail. */
    OffsetPages block(IntPredicate pages) {
        this.blockPage = pages;
        return this;
    }

    /** The opens of pages 0 and 1 wait (up to 10 s) for each other: they pass only when both are in flight. */
    OffsetPages firstTwoMeet() {
        this.firstTwo = new java.util.concurrent.CyclicBarrier(2);
        return this;
    }

    @Override
    public Optional<Position> nextIfFull(Position position) {
        long offset = offset(position);
        return Optional.of(position.next(Long.toString(offset + pageSize), pageSize));
    }

    private static long offset(Position position) {
        return position.token().map(Long::parseLong).orElse(0L);
    }

    @Override
    public OpenPage open(Position position) {
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        try {
            long offset = offset(position);
            int attempt = attempts.computeIfAbsent(offset, o -> new AtomicInteger()).incrementAndGet();
            int index = (int) (offset / pageSize);
            java.util.concurrent.CyclicBarrier meet = firstTwo;
            if (meet != null && index < 2 && attempt == 1) {
                meet(meet);
            }
            if (blockPage.test(index)) {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TransportException("interrupted", false, e);
                }
            }
            if (failOpen.test(offset, attempt)) {
                throw new TransportException("seeded failure opening offset " + offset, false, null);
            }
            opened.incrementAndGet();
            return new Page(position, offset, failMidPage.test(offset, attempt));
        } finally {
            running.decrementAndGet();
        }
    }

    private static void meet(java.util.concurrent.CyclicBarrier meet) {
        try {
            meet.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.BrokenBarrierException e) {
            throw new AssertionError("pages 0 and 1 were not in flight together within 10 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    int opened() {
        return opened.get();
    }

    int closed() {
        return closed.get();
    }

    int running() {
        return running.get();
    }

    int maxRunning() {
        return maxRunning.get();
    }

    /** How many times the page at this offset was requested. */
    int attempts(long offset) {
        AtomicInteger n = attempts.get(offset);
        return n == null ? 0 : n.get();
    }

    private final class Page implements OpenPage {
        private final Position position;
        private final long offset;
        private final int end;
        private final boolean failHalfway;
        private int next;
        private boolean done;

        Page(Position position, long offset, boolean failHalfway) {
            this.position = position;
            this.offset = offset;
            int size = halfPage.test(offset) ? Math.max(1, pageSize / 2) : pageSize;
            this.end = (int) Math.min(total, offset + size);
            this.next = (int) Math.min(end, offset + position.skip());
            this.failHalfway = failHalfway;
        }

        @Override
        public Position position() {
            return position;
        }

        @Override
        public ResponseInfo response() {
            return new ResponseInfo("GET", URI.create("http://test.invalid/?offset=" + offset), 200, Headers.empty(),
                    Instant.EPOCH, Duration.ZERO);
        }

        @Override
        public boolean hasNext() {
            if (failHalfway && next == offset + pageSize / 2 && next < end) {
                throw new TransportException("seeded failure in the body of offset " + offset, false, null);
            }
            return next < end;
        }

        @Override
        public JsonNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return IntNode.valueOf(next++);
        }

        @Override
        public Optional<Position> nextPosition() {
            int count = Math.max(0, end - (int) offset);
            return count == 0 ? Optional.empty() : Optional.of(position.next(Long.toString(offset + count), count));
        }

        @Override
        public void close() {
            if (!done) {
                done = true;
                closed.incrementAndGet();
            }
        }
    }
}
