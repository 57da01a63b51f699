package dev.inlet.core;

import dev.inlet.core.compose.ConcurrentFetch;
import dev.inlet.core.internal.WaitingThreads;
import dev.inlet.core.schedule.Schedule;
import dev.inlet.core.schedule.Scheduler;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Run in a JVM of its own (see {@link WaitingThreadsTest}): checks which threads the scheduler,
 * {@link ConcurrentFetch} and prefetch use on this JVM, and that 2,000 fetches wait at once. Prints
 * one line per check; exits 1 on the first that fails.
 */
public final class WaitingThreadsProbe {

    private WaitingThreadsProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean expectVirtual = Runtime.version().feature() >= 21;
        check("virtual=" + WaitingThreads.virtual(), WaitingThreads.virtual() == expectVirtual);

        CompletableFuture<Boolean> jobThread = new CompletableFuture<>();
        try (Scheduler scheduler = Scheduler.builder().manual().build()) {
            scheduler.schedule("probe", Schedule.fixedRate(Duration.ofHours(1)),
                    () -> jobThread.complete(isVirtual(Thread.currentThread())));
            scheduler.runNow("probe");
            check("scheduler job on a virtual thread=" + expectVirtual,
                    jobThread.get(30, TimeUnit.SECONDS) == expectVirtual);
        }

        int fetches = 2_000;
        CountDownLatch arrived = new CountDownLatch(fetches);
        CountDownLatch release = new CountDownLatch(1);
        ConcurrentFetch.Builder builder = ConcurrentFetch.builder().maxConcurrent(fetches);
        for (int i = 0; i < fetches; i++) {
            builder.add("f" + i, () -> {
                arrived.countDown();
                release.await();
                return Optional.empty();
            });
        }
        CompletableFuture<Integer> done = CompletableFuture.supplyAsync(() -> builder.build().run().failed().size());
        if (expectVirtual) {
            check("2,000 fetches waiting at once", arrived.await(60, TimeUnit.SECONDS));
            int platform = ManagementFactory.getThreadMXBean().getThreadCount();
            check("platform threads while 2,000 wait: " + platform + " (< 200)", platform < 200);
        } else {
            // Java 17: at most 256 platform threads, so 256 wait at once and the rest queue.
            check("256 fetches waiting at once", waitFor(arrived, fetches - 256));
            check("no more than 256 started", arrived.getCount() == fetches - 256);
        }
        release.countDown();
        check("every fetch succeeded", done.get(60, TimeUnit.SECONDS) == 0);

        OffsetPages pages = new OffsetPages(50, 5);
        CompletableFuture<Boolean> aheadThread = new CompletableFuture<>();
        PageSource watching = new PredictingWrapper(pages, aheadThread);
        Connector<JsonNode> connector = Connector.builder("probe", PrefetchingSource.of(watching, 4)).build();
        long count;
        try (var records = connector.records()) {
            count = records.count();
        }
        check("prefetch delivered 50", count == 50);
        check("pages ahead on a virtual thread=" + expectVirtual, aheadThread.get(30, TimeUnit.SECONDS) == expectVirtual);
        System.out.println("PROBE OK on Java " + Runtime.version().feature());
    }

    private static boolean waitFor(CountDownLatch latch, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (latch.getCount() > count && System.nanoTime() < deadline) {
            Thread.sleep(10); // polling a condition with a bound, in a probe process
        }
        return latch.getCount() == count;
    }

    static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (NoSuchMethodException before21) {
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(String what, boolean ok) {
        System.out.println((ok ? "ok   " : "FAIL ") + what);
        if (!ok) {
            System.exit(1);
        }
    }

    /** The offset source, noting whether the first page opened off the run's thread was on a virtual thread. */
    private static final class PredictingWrapper implements PageSource, PagePrediction {
        private final OffsetPages pages;
        private final CompletableFuture<Boolean> aheadThread;
        private final Thread runThread = Thread.currentThread();

        PredictingWrapper(OffsetPages pages, CompletableFuture<Boolean> aheadThread) {
            this.pages = pages;
            this.aheadThread = aheadThread;
        }

        @Override
        public OpenPage open(Position position) {
            if (Thread.currentThread() != runThread) {
                aheadThread.complete(isVirtual(Thread.currentThread()));
            }
            return pages.open(position);
        }

        @Override
        public java.util.Optional<Position> nextIfFull(Position position) {
            return pages.nextIfFull(position);
        }
    }
}
