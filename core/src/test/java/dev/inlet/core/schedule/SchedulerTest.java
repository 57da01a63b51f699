package dev.inlet.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.Json;
import dev.inlet.core.record.Validation;
import dev.inlet.core.record.Violation;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.ListPageSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The scheduler on a fake clock with manual ticks: no real waiting anywhere. */
class SchedulerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final FakeClock clock = new FakeClock(T0);
    private final List<ScheduledRun> runs = new CopyOnWriteArrayList<>();
    private Scheduler scheduler;

    private Scheduler.Builder manual() {
        return Scheduler.builder().manual().clock(clock).executor(Runnable::run).onRunDone(runs::add)
                .closeTimeout(Duration.ZERO);
    }

    /** Moves the fake clock to {@code target}, ticking at every due time on the way, as the timer thread would. */
    private void advanceTo(Instant target) {
        Optional<Instant> due = scheduler.nextDue();
        while (due.isPresent() && !due.get().isAfter(target)) {
            if (due.get().isAfter(clock.instant())) {
                clock.set(due.get());
            }
            scheduler.tick();
            due = scheduler.nextDue();
        }
        clock.set(target);
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    @Test
    void aFixedRateJobRunsOncePerPeriodAtItsNominalTimes() {
        scheduler = manual().build();
        AtomicInteger count = new AtomicInteger();
        scheduler.schedule("charges", Schedule.fixedRate(Duration.ofMinutes(10)), count::incrementAndGet);

        assertThat(scheduler.tick()).as("nothing due yet").isZero();
        advanceTo(at(35));

        assertThat(count.get()).isEqualTo(3);
        assertThat(runs).extracting(ScheduledRun::startedAt).containsExactly(at(10), at(20), at(30));
        assertThat(runs).extracting(ScheduledRun::cause).containsOnly(RunCause.SCHEDULED);
        assertThat(scheduler.status("charges").orElseThrow().nextRunAt()).isEqualTo(at(40));
    }

    @Test
    void aDailyJobRunsOnceADayAtItsLocalTimeAcrossADaylightSavingChange() {
        clock.set(Instant.parse("2026-03-27T12:00:00Z"));
        scheduler = manual().build();
        scheduler.schedule("contacts", Schedule.daily(LocalTime.of(2, 30),
                ZoneId.of("Europe/Paris")), () -> { });

        advanceTo(Instant.parse("2026-03-31T00:00:00Z"));

        // 02:30 CET is 01:30Z; on the 29th 02:30 does not exist and the run is at 03:30 CEST (01:30Z);
        // from the 30th 02:30 CEST is 00:30Z.
        assertThat(runs).extracting(ScheduledRun::startedAt).containsExactly(
                Instant.parse("2026-03-28T01:30:00Z"), Instant.parse("2026-03-29T01:30:00Z"),
                Instant.parse("2026-03-30T00:30:00Z"));
    }

    @Test
    void jitterDelaysEachRunWithinItsBoundWithoutDrift() {
        scheduler = manual().random(new Random(42)).build();
        scheduler.schedule("charges", Schedule.fixedRate(Duration.ofMinutes(10)).withJitter(Duration.ofMinutes(2)),
                () -> { });

        advanceTo(at(102));

        assertThat(runs).hasSize(10);
        for (int i = 0; i < runs.size(); i++) {
            Instant nominal = at(10 * (i + 1));
            assertThat(runs.get(i).startedAt()).isBetween(nominal, nominal.plus(Duration.ofMinutes(2)));
        }
        assertThat(runs).extracting(ScheduledRun::startedAt).doesNotHaveDuplicates()
                .anySatisfy(t -> assertThat(t.getEpochSecond() % 600).isNotZero());
    }

    @Test
    void triggersDuringARunCoalesceIntoOneFollowUpRun() {
        QueueExecutor executor = new QueueExecutor();
        scheduler = manual().executor(executor).build();
        scheduler.schedule("charges", Schedule.fixedRate(Duration.ofMinutes(10)), () -> { });

        assertThat(scheduler.runNow("charges")).isTrue();
        assertThat(scheduler.runNow("charges")).as("a run is in progress").isFalse();
        assertThat(scheduler.runNow("charges")).isFalse();
        clock.set(at(10));
        assertThat(scheduler.tick()).as("due while running: no second run").isZero();
        assertThat(executor.queued()).isEqualTo(1);
        assertThat(scheduler.status("charges").orElseThrow().followUpQueued()).isTrue();

        executor.runNext();
        assertThat(executor.queued()).as("one follow-up for three triggers").isEqualTo(1);
        executor.runNext();

        assertThat(executor.queued()).isZero();
        assertThat(runs).extracting(ScheduledRun::cause).containsExactly(RunCause.REQUESTED, RunCause.FOLLOW_UP);
        assertThat(scheduler.status("charges").orElseThrow().running()).isFalse();
    }

    @Test
    void failuresBackOffExponentiallyAndASuccessResets() {
        scheduler = manual().backoff(Duration.ofMinutes(5), Duration.ofMinutes(20)).build();
        AtomicInteger calls = new AtomicInteger();
        scheduler.schedule("crm", Schedule.fixedRate(Duration.ofMinutes(1)), () -> {
            if (calls.incrementAndGet() <= 3) {
                throw new IllegalStateException("CRM is down");
            }
        });

        advanceTo(at(37));

        assertThat(runs).extracting(ScheduledRun::startedAt).containsExactly(at(1), at(6), at(16), at(36), at(37));
        assertThat(runs).extracting(ScheduledRun::consecutiveFailures).containsExactly(1, 2, 3, 0, 0);
        assertThat(runs).extracting(ScheduledRun::nextRunAt).containsExactly(at(6), at(16), at(36), at(37), at(38));
        assertThat(runs.get(0).failure()).hasValueSatisfying(f -> assertThat(f).hasMessage("CRM is down"));
        assertThat(runs.get(0).summary()).contains("FAILED").contains("CRM is down");
    }

    @Test
    void theHookSeesRecordsRejectionsAndDurationOfAConnectorRun() {
        List<JsonNode> page = IntStream.range(0, 5).mapToObj(n -> (JsonNode) Json.mapper().createObjectNode()
                .put("n", n)).toList();
        Connector<JsonNode> connector = Connector.builder("items", new ListPageSource(List.of(page)))
                .validator(r -> r.get("n").asInt() == 3
                        ? Validation.invalid(r, List.of(new Violation("/n", "three", "no threes")))
                        : Validation.valid(r))
                .onInvalid(InvalidRecordPolicy.SKIP).build();
        List<JsonNode> stored = new ArrayList<>();
        scheduler = manual().build();
        scheduler.schedule("items", Schedule.hourly(0), Job.of(connector, record -> {
            stored.add(record);
            clock.advance(Duration.ofSeconds(2));
        }));

        scheduler.runNow("items");

        assertThat(stored).hasSize(4);
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.succeeded()).isTrue();
            assertThat(run.records()).isEqualTo(4);
            assertThat(run.rejected()).isEqualTo(1);
            assertThat(run.duration()).isEqualTo(Duration.ofSeconds(8));
            assertThat(run.cause()).isEqualTo(RunCause.REQUESTED);
            assertThat(run.nextRunAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        });
    }

    @Test
    void missedTimesMakeOneRunNotABurst() {
        scheduler = manual().build();
        scheduler.schedule("charges", Schedule.fixedRate(Duration.ofMinutes(1)), () -> { });

        clock.set(at(60));
        assertThat(scheduler.tick()).isEqualTo(1);
        assertThat(scheduler.tick()).isZero();

        assertThat(runs).hasSize(1);
        assertThat(scheduler.nextDue()).contains(at(61));
    }

    @Test
    void aFailingHookDoesNotStopScheduling() {
        scheduler = manual().onRunDone(run -> {
            runs.add(run);
            throw new IllegalStateException("metrics backend down");
        }).build();
        scheduler.schedule("charges", Schedule.fixedRate(Duration.ofMinutes(1)), () -> { });

        advanceTo(at(3));

        assertThat(runs).hasSize(3);
    }

    @Test
    void unschedulingDropsTheFollowUpAndTheJob() {
        QueueExecutor executor = new QueueExecutor();
        scheduler = manual().executor(executor).build();
        scheduler.schedule("charges", Schedule.fixedRate(Duration.ofMinutes(1)), () -> { });
        scheduler.runNow("charges");
        scheduler.runNow("charges");

        assertThat(scheduler.unschedule("charges")).isTrue();
        executor.runNext();

        assertThat(executor.queued()).isZero();
        assertThat(scheduler.status("charges")).isEmpty();
        assertThat(scheduler.unschedule("charges")).isFalse();
        assertThat(scheduler.nextDue()).isEmpty();
    }

    @Test
    void misuseIsAClearError() {
        scheduler = manual().build();
        scheduler.schedule("charges", Schedule.hourly(0), () -> { });

        assertThatThrownBy(() -> scheduler.runNow("refunds")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'refunds'").hasMessageContaining("[charges]");
        assertThatThrownBy(() -> scheduler.schedule("charges", Schedule.hourly(1), () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already scheduled");
        assertThatThrownBy(() -> Scheduler.builder().backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial <= max");
        scheduler.close();
        assertThatThrownBy(() -> scheduler.runNow("charges")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> scheduler.schedule("other", Schedule.hourly(0), () -> { }))
                .isInstanceOf(IllegalStateException.class);
        clock.set(at(120));
        assertThat(scheduler.tick()).as("a closed scheduler starts nothing").isZero();
    }
}
