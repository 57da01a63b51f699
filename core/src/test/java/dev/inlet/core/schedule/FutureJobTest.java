package dev.inlet.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.RunReport;
import dev.inlet.core.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A job whose run is a future ({@link Job#ofFuture}): started on the executor, which is free again at
 * once, and ended when the future completes; no overlap, hook, backoff and follow-ups as for any job.
 */
class FutureJobTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final FakeClock clock = new FakeClock(T0);
    private final List<ScheduledRun> runs = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Optional<RunReport>>> started = new CopyOnWriteArrayList<>();
    private final Scheduler scheduler = Scheduler.builder().manual().clock(clock).executor(Runnable::run)
            .onRunDone(runs::add).closeTimeout(Duration.ZERO).backoff(Duration.ofMinutes(1), Duration.ofHours(1)).build();

    @AfterEach
    void close() {
        scheduler.close();
    }

    private Job held() {
        return Job.ofFuture(() -> {
            CompletableFuture<Optional<RunReport>> run = new CompletableFuture<>();
            started.add(run);
            return run;
        });
    }

    private static RunReport report(long valid) {
        return new RunReport("orders", T0, Duration.ZERO, 1, valid, valid, 0, Map.of(), List.of(), 0, Duration.ZERO,
                true, Optional.empty(), Optional.empty(), List.of(), 0);
    }

    @Test
    void theRunEndsWhenItsFutureCompletesNotWhenTheExecutorReturns() {
        scheduler.schedule("orders", Schedule.fixedRate(Duration.ofMinutes(10)), held());

        assertThat(scheduler.runNow("orders")).isTrue();

        assertThat(started).as("started on the executor, which returned").hasSize(1);
        assertThat(scheduler.status("orders").orElseThrow().running()).isTrue();
        assertThat(runs).isEmpty();
        clock.advance(Duration.ofSeconds(3));
        started.get(0).complete(Optional.of(report(42)));

        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.succeeded()).isTrue();
            assertThat(run.records()).isEqualTo(42);
            assertThat(run.duration()).isEqualTo(Duration.ofSeconds(3));
        });
        assertThat(scheduler.status("orders").orElseThrow().running()).isFalse();
    }

    @Test
    void aTriggerDuringTheRunMakesOneFollowUpAndAFailedFutureBacksOff() {
        scheduler.schedule("orders", Schedule.fixedRate(Duration.ofMinutes(10)), held());
        scheduler.runNow("orders");
        scheduler.runNow("orders");
        scheduler.runNow("orders");
        assertThat(started).as("never two runs at once").hasSize(1);

        started.get(0).complete(Optional.empty());
        assertThat(started).as("one follow-up for the triggers that came during the run").hasSize(2);
        started.get(1).completeExceptionally(new IllegalStateException("the API said no"));

        assertThat(runs).hasSize(2);
        assertThat(runs.get(1).failure()).hasValueSatisfying(f -> assertThat(f).hasMessage("the API said no"));
        assertThat(runs.get(1).consecutiveFailures()).isEqualTo(1);
        assertThat(runs.get(1).nextRunAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aStartThatThrowsIsAFailedRunAndRunningItAsAPlainJobWaitsForTheFuture() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        scheduler.schedule("broken", Schedule.fixedRate(Duration.ofMinutes(10)), Job.ofFuture(() -> {
            starts.incrementAndGet();
            throw new IllegalArgumentException("no connector");
        }));
        scheduler.runNow("broken");

        assertThat(runs).singleElement().satisfies(run ->
                assertThat(run.failure()).hasValueSatisfying(f -> assertThat(f).hasMessage("no connector")));
        assertThat(scheduler.status("broken").orElseThrow().running()).isFalse();

        Job done = Job.ofFuture(() -> CompletableFuture.completedFuture(Optional.of(report(7))));
        assertThat(done.run()).hasValueSatisfying(r -> assertThat(r.valid()).isEqualTo(7));
    }
}
