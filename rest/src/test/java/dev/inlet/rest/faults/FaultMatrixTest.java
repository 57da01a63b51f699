package dev.inlet.rest.faults;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.inlet.rest.faults.PagedApi.MIDDLE;
import static dev.inlet.rest.faults.PagedApi.TOTAL;
import static dev.inlet.rest.faults.PagedApi.range;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.error.InletException;
import dev.inlet.core.Position;
import dev.inlet.core.RunReport;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.rest.RestConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .containerThreads(20)).build();

    private static final int ATTEMPTS = 4;
    private final FakeClock clock = new FakeClock();

    static Stream<Arguments> matrix() {
        return Arrays.stream(PagedApi.values())
                .flatMap(api -> Arrays.stream(Fault.values()).map(fault -> Arguments.of(api, fault)));
    }

    /** The faults a retry can get past (not an HTML page with status 200, which repeats byte for byte). */
    static Stream<Arguments> retriedMatrix() {
        return matrix().filter(arguments -> ((Fault) arguments.get()[1]).retriedByDefault());
    }

    private Connector<JsonNode> connector(PagedApi api, Fault fault) {
        HttpPipeline.Builder pipeline = HttpPipeline.builder().clock(clock).sleeper(clock)
                .retryPolicy(RetryPolicy.builder().maxAttempts(ATTEMPTS).build());
        if (fault == Fault.SLOW_HEAD) {
            pipeline.requestTimeout(Duration.ofMillis(300));
        }
        if (fault == Fault.STALLED_BODY) {
            pipeline.readTimeout(Duration.ofMillis(300));
        }
        return RestConnector.builder("faults").baseUrl(server.baseUrl()).path("/items").records("/data")
                .paginator(api.paginator()).pipeline(pipeline.build()).build();
    }

    /** The fault answers the middle page's first {@code times} requests, then the good page does. */
    private static void injectTransient(PagedApi api, Fault fault) {
        String scenario = "fault";
        for (int i = 0; i < fault.times(); i++) {
            server.stubFor(api.request(MIDDLE).atPriority(1).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "fault " + i)
                    .willSetStateTo(i + 1 == fault.times() ? "recovered" : "fault " + (i + 1))
                    .willReturn(fault.response(api, server.baseUrl())));
        }
    }

    private static RequestPatternBuilder middlePageRequests(PagedApi api) {
        return RequestPatternBuilder.like(api.request(MIDDLE).build().getRequest());
    }

    private static List<Integer> numbers(Stream<JsonNode> records) {
        try (records) {
            return records.map(r -> r.get("n").asInt()).toList();
        }
    }

    @ParameterizedTest(name = "{0} x {1}: recovers, every record once and in order")
    @MethodSource("retriedMatrix")
    void aPassingFaultOnTheMiddlePageLosesAndRepeatsNothing(PagedApi api, Fault fault) {
        api.stubGood(server);
        injectTransient(api, fault);
        Connector<JsonNode> connector = connector(api, fault);

        assertThat(numbers(connector.records())).isEqualTo(range(0, TOTAL));

        assertThat(server.findAll(middlePageRequests(api)))
                .as("the fault was served, then the page again").hasSizeGreaterThanOrEqualTo(fault.times() + 1);
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
    void aLastingFaultStopsWithAPositionThatResumesExactlyTheMissingRecords(PagedApi api, Fault fault) {
        api.stubGood(server);
        server.stubFor(api.request(MIDDLE).atPriority(1).willReturn(fault.response(api, server.baseUrl())));
        Connector<JsonNode> connector = connector(api, fault);

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
        if (fault == Fault.TRUNCATED_JSON) {
            assertThat(delivered).as("the two whole records before the cut").isEqualTo(range(0, 5));
        }
        if (fault.pipelineMustRetry()) {
            assertThat(server.findAll(middlePageRequests(api)))
                    .hasSize(ATTEMPTS);
        }
        if (!fault.retriedByDefault()) {
            assertThat(server.findAll(middlePageRequests(api))).as("not retried: it would repeat").hasSize(1);
        }

        server.resetAll();
        api.stubGood(server);
        List<Integer> rest = numbers(connector.records(resume));
        List<Integer> all = new ArrayList<>(delivered);
        all.addAll(rest);
        assertThat(all).as("delivered, then resumed").isEqualTo(range(0, TOTAL));
    }
}
