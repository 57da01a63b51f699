package dev.inlet.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.schedule.Job;
import dev.inlet.core.schedule.Schedule;
import dev.inlet.core.schedule.Scheduler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The scheduler follows the application context; connectors come from beans and from sources. */
class SchedulerLifecycleTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(InletAutoConfiguration.class));

    @Test
    void theSchedulerStartsAndStopsWithTheContext() {
        Scheduler[] seen = new Scheduler[1];
        runner.withBean("nightly", ScheduledConnector.class,
                        () -> ScheduledConnector.of("nightly", Job.of(() -> { }), Schedule.fixedRate(Duration.ofHours(1))))
                .withBean(ConnectorSource.class, () -> () -> List.of(
                        ScheduledConnector.of("declared", Job.of(() -> { }))))
                .withPropertyValues("inlet.connectors.declared.daily-at=02:00", "inlet.connectors.declared.zone=Europe/Berlin")
                .run(context -> {
                    InletScheduler scheduler = context.getBean(InletScheduler.class);
                    assertThat(scheduler.isRunning()).isTrue();
                    assertThat(scheduler.connectorNames()).containsExactlyInAnyOrder("nightly", "declared");
                    assertThat(scheduler.status("declared").orElseThrow().schedule().toString()).contains("02:00");
                    seen[0] = scheduler.scheduler().orElseThrow();
                    context.close();
                    assertThat(scheduler.isRunning()).isFalse();
                    assertThat(scheduler.runNow("nightly")).isFalse();
                });
        // The core scheduler was closed: it refuses new jobs.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> seen[0].schedule("late", Schedule.fixedRate(Duration.ofHours(1)), () -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConnectorWithoutAScheduleFailsStartupNamingTheProperty() {
        runner.withBean("orphan", ScheduledConnector.class, () -> ScheduledConnector.of("orphan", Job.of(() -> { })))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("Connector 'orphan' has no schedule"));
    }

    @Test
    void theSchedulerCanBeTurnedOff() {
        runner.withPropertyValues("inlet.scheduler.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(InletScheduler.class));
    }

    @Test
    void withoutEndpointsThereIsNoReceiver() {
        runner.run(context -> assertThat(context.getBean(InletWebhooks.class).receiver()).isEmpty());
    }
}
