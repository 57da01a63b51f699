package dev.inlet.rest.faults;

import static dev.inlet.rest.faults.PagedApi.MIDDLE;
import static dev.inlet.rest.faults.PagedApi.TOTAL;
import static dev.inlet.rest.faults.PagedApi.middlePageRequests;
import static dev.inlet.rest.Items.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.error.InletException;
import dev.inlet.core.Position;
import dev.inlet.core.RunReport;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.rest.RestConnector;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.FaultPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance matrix of the resilience issue: for each paginator kind and each fault, injected
 * on the middle of three pages, every record arrives exactly once and in order; or, when the fault
 * outlasts the retries, the run stops with a typed error whose resume position yields exactly the
 * missing records. Retries wait on a fake clock; only the two timeout faults take real time.
 */
class FaultMatrixTest {

    private static final int ATTEMPTS = 4;
    private final FakeClock clock = new FakeClock();

    static Stream<Arguments> matrix() {
        return Arrays.stream(PagedApi.values())
                .flatMap(api -> Arrays.stream(MatrixFault.values()).map(fault -> Arguments.of(api, fault)));
    }

    /** The faults a retry can get past (not an HTML page with status 200, which repeats byte for byte). */
    static Stream<Arguments> retriedMatrix() {
        return matrix().filter(arguments -> ((MatrixFault) arguments.get()[1]).retriedByDefault());
    }

    private Connector<JsonNode> connector(FakeApi server, PagedApi api, MatrixFault fault) {
        HttpPipeline.Builder pipeline = HttpPipeline.builder().clock(clock).sleeper(clock)
                .retryPolicy(RetryPolicy.builder().maxAttempts(ATTEMPTS).build());
        if (fault == MatrixFault.SLOW_HEAD) {
            pipeline.requestTimeout(Duration.ofMillis(300));
        }
        if (fault == MatrixFault.STALLED_BODY) {
            pipeline.readTimeout(Duration.ofMillis(300));
        }
        return RestConnector.builder("faults").baseUrl(server.baseUrl()).path(server.path()).records("/data")
                .paginator(api.paginator()).pipeline(pipeline.build()).build();
    }

    /** The fault answers the middle page's first {@code times} requests, then the good page does. */
    private static FaultPlan transientFault(MatrixFault fault) {
        FaultPlan.Builder plan = FaultPlan.builder();
        for (int i = 0; i < fault.times(); i++) {
            plan.at(MIDDLE + i, fault.fault());
        }
        return plan.build();
    }

    private static List<Integer> numbers(Stream<JsonNode> records) {
        try (records) {
            return records.map(r -> r.get("n").asInt()).toList();
        }
    }

    @ParameterizedTest(name = "{0} x {1}: recovers, every record once and in order")
    @MethodSource("retriedMatrix")
    void aPassingFaultOnTheMiddlePageLosesAndRepeatsNothing(PagedApi api, MatrixFault fault) {
        try (FakeApi server = api.start(transientFault(fault))) {
            passesThrough(server, api, fault);
        }
    }

    private void passesThrough(FakeApi server, PagedApi api, MatrixFault fault) {
        Connector<JsonNode> connector = connector(server, api, fault);

        assertThat(numbers(connector.records())).isEqualTo(range(0, TOTAL));

        assertThat(middlePageRequests(server)).as("the fault was served, then the page again")
                .hasSizeGreaterThanOrEqualTo(fault.times() + 1)
                .anySatisfy(r -> assertThat(r.fault()).isEqualTo(fault.fault().toString()));
        RunReport report = connector.lastReport().orElseThrow();
        assertThat(report.completed()).isTrue();
        if (fault.pipelineMustRetry()) {
            assertThat(report.retries()).isGreaterThanOrEqualTo(fault.times());
        }
        fault.expectedWait().ifPresent(wait -> assertThat(clock.sleeps()).as("the server's wait, no jitter")
                .containsExactly(wait));
    }

    @ParameterizedTest(name = "{0} x {1}: persists, typed error, resume yields the rest")
    @MethodSource("matrix")
    void aLastingFaultStopsWithAPositionThatResumesExactlyTheMissingRecords(PagedApi api, MatrixFault fault) {
        try (FakeApi server = api.start(FaultPlan.builder().from(MIDDLE, fault.fault()).build())) {
            stopsAndResumes(server, api, fault);
        }
    }

    private void stopsAndResumes(FakeApi server, PagedApi api, MatrixFault fault) {
        Connector<JsonNode> connector = connector(server, api, fault);

        List<Integer> delivered = new ArrayList<>();
        InletException failure = null;
        try (ConnectorRun<JsonNode> run = connector.open()) {
            run.records().forEach(r -> delivered.add(r.get("n").asInt()));
        } catch (InletException e) {
            failure = e;
        }

        assertThat(failure).as("a typed error").isInstanceOf(fault.persistentFailure());
        assertThat(failure.getMessage()).contains("connector 'faults'").contains("page 2");
        Position resume = Position.parse(failure.resumePosition().orElseThrow().asString());
        assertThat(resume.pageIndex()).isEqualTo(MIDDLE);
        assertThat(delivered).isEqualTo(range(0, delivered.size())).hasSizeGreaterThanOrEqualTo(PagedApi.PER_PAGE);
        assertThat(resume.skip()).isEqualTo(delivered.size() - PagedApi.PER_PAGE);
        if (fault == MatrixFault.TRUNCATED_JSON) {
            assertThat(delivered).as("the two whole records before the cut").isEqualTo(range(0, 5));
        }
        if (fault.pipelineMustRetry()) {
            assertThat(middlePageRequests(server)).hasSize(ATTEMPTS);
        }
        if (!fault.retriedByDefault()) {
            assertThat(middlePageRequests(server)).as("not retried: it would repeat").hasSize(1);
        }

        server.replaceFaults(FaultPlan.none());
        List<Integer> rest = numbers(connector.records(resume));
        List<Integer> all = new ArrayList<>(delivered);
        all.addAll(rest);
        assertThat(all).as("delivered, then resumed").isEqualTo(range(0, TOTAL));
    }
}
