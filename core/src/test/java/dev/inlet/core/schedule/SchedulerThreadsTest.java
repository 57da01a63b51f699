package dev.inlet.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The real timer thread and close(), with bounded waits on latches (never sleeps). */
class SchedulerThreadsTest {

    @Test
    void theTimerThreadRunsDueJobsOnTheRealClock() throws InterruptedException {
        CountDownLatch threeRuns = new CountDownLatch(3);
        try (Scheduler scheduler = Scheduler.builder().build()) {
            scheduler.schedule("fast", Schedule.fixedRate(Duration.ofMillis(20)), threeRuns::countDown);

            assertThat(threeRuns.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aJobDueCenturiesAheadDoesNotStopTheTimer() throws InterruptedException {
        CountDownLatch threeRuns = new CountDownLatch(3);
        try (Scheduler scheduler = Scheduler.builder().build()) {
            // Nanoseconds until its next run overflow a long: the timer must wait, not die.
            scheduler.schedule("rare", Schedule.fixedRate(Duration.ofDays(365L * 1000)), () -> { });
            scheduler.schedule("fast", Schedule.fixedRate(Duration.ofMillis(20)), threeRuns::countDown);

            assertThat(threeRuns.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closeWaitsForARunningJobAndLeavesAHostExecutorRunning() throws Exception {
        ExecutorService host = Executors.newSingleThreadExecutor();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch hookCalled = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicBoolean hookBeforeClose = new AtomicBoolean();
        try {
            Scheduler scheduler = Scheduler.builder().manual().executor(host).closeTimeout(Duration.ofSeconds(10))
                    .onRunDone(run -> {
                        hookBeforeClose.set(closed.getCount() == 1);
                        hookCalled.countDown();
                    }).build();
            scheduler.schedule("slow", Schedule.hourly(0), () -> {
                started.countDown();
                await(release);
            });
            scheduler.runNow("slow");
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Thread closer = new Thread(() -> {
                scheduler.close();
                closed.countDown();
            });
            closer.start();

            assertThat(closed.await(100, TimeUnit.MILLISECONDS)).as("close waits for the run").isFalse();
            release.countDown();
            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(hookCalled.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(hookBeforeClose).isTrue();
            assertThat(host.isShutdown()).isFalse();
        } finally {
            host.shutdownNow();
        }
    }

    @Test
    void closeGivesUpAfterItsTimeoutAndInterruptsJobsOnItsOwnPool() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Scheduler scheduler = Scheduler.builder().manual().closeTimeout(Duration.ofMillis(50)).build();
        scheduler.schedule("stuck", Schedule.hourly(0), () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        scheduler.runNow("stuck");
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        scheduler.close();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
