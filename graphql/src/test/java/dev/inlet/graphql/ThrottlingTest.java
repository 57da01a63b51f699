package dev.inlet.graphql;

import dev.inlet.graphql.cost.CostBudget;
import dev.inlet.graphql.cost.CostThrottle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Headers;
import dev.inlet.core.error.RateLimitedException;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.RecordingListener;
import dev.inlet.graphql.Fixtures.Stub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** GitHub's rate limit in body and headers, and throttling errors without cost data. */
class ThrottlingTest {

    private static final String VIEWER = "query { viewer { login } rateLimit { cost remaining resetAt } }";

    private final FakeClock clock = new FakeClock();
    private final RecordingListener recorder = new RecordingListener();
    private final AtomicInteger calls = new AtomicInteger();

    private static String gitHubPage(int remaining, Instant resetAt) {
        return "{\"data\":{\"viewer\":{\"login\":\"octocat\"},\"rateLimit\":{\"limit\":5000,\"cost\":1,\"remaining\":"
                + remaining + ",\"resetAt\":\"" + resetAt + "\"}}}";
    }

    @Test
    void gitHubsRateLimitObjectMakesTheNextQueryWaitForTheReset() {
        Instant reset = clock.instant().plusSeconds(30);
        GraphQlClient client = GraphQlClient.builder("https://api.github.test/graphql").costThrottle(
                CostThrottle.builder().name("github").build()).pipeline(Fixtures.stubbed(clock, recorder, body -> {
                    calls.incrementAndGet();
                    return Stub.json(gitHubPage(calls.get() == 1 ? 0 : 4999, reset));
                })).build();

        client.execute(VIEWER);
        client.execute(VIEWER);

        assertThat(calls).hasValue(2);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(30));
        assertThat(recorder.rateLimited()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("github");
            assertThat(e.reason()).contains("0 of 5000 available").contains("full again at " + reset);
        });
    }

    @Test
    void rateLimitHeadersAloneAlsoPaceTheClient() {
        long reset = clock.instant().plusSeconds(12).getEpochSecond();
        GraphQlClient client = GraphQlClient.builder("https://api.github.test/graphql").costThrottle(
                CostThrottle.create()).pipeline(Fixtures.stubbed(clock, recorder, body -> new Stub(200,
                        Headers.of("Content-Type", "application/json", "x-ratelimit-limit", "5000",
                                "x-ratelimit-remaining", calls.incrementAndGet() == 1 ? "0" : "4998",
                                "x-ratelimit-reset", Long.toString(reset)),
                        "{\"data\":{\"viewer\":{\"login\":\"octocat\"}}}"))).build();

        client.execute("{ viewer { login } }");
        client.execute("{ viewer { login } }");

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void aRateLimitedErrorIsRetriedWhenTheWindowResets() {
        long reset = clock.instant().plusSeconds(20).getEpochSecond();
        GraphQlClient client = GraphQlClient.builder("https://api.github.test/graphql")
                .pipeline(Fixtures.stubbed(clock, recorder, body -> calls.incrementAndGet() == 1
                        ? new Stub(200, Headers.of("Content-Type", "application/json", "x-ratelimit-remaining", "0",
                                "x-ratelimit-reset", Long.toString(reset)),
                                "{\"errors\":[{\"type\":\"RATE_LIMITED\",\"message\":\"API rate limit exceeded\"}]}")
                        : Stub.json(gitHubPage(4999, Instant.ofEpochSecond(reset))))).build();

        GraphQlResponse response = client.execute(VIEWER);

        assertThat(response.get("viewer.login", String.class)).hasValue("octocat");
        assertThat(calls).hasValue(2);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(20));
        assertThat(recorder.retries()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("RATE_LIMITED").contains("from x-ratelimit headers"));
    }

    @Test
    void aThrottlingErrorWithoutCostDataIsRetriedWithThePolicysBackoff() {
        RetryPolicy policy = RetryPolicy.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .fullJitter(false).build();
        GraphQlClient client = GraphQlClient.builder("https://api.example.test/graphql").retryPolicy(policy)
                .pipeline(Fixtures.stubbed(clock, recorder, body -> Stub.json(calls.incrementAndGet() < 3
                        ? "{\"errors\":[{\"message\":\"slow down\",\"extensions\":{\"code\":\"THROTTLED\"}}]}"
                        : "{\"data\":{\"viewer\":{\"login\":\"octocat\"}}}"))).build();

        client.execute("{ viewer { login } }");

        assertThat(calls).hasValue(3);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void aBudgetThatRefillsTooLateFailsFastSayingWhen() {
        Instant reset = clock.instant().plusSeconds(3600);
        GraphQlClient client = GraphQlClient.builder("https://api.github.test/graphql")
                .costThrottle(CostThrottle.create())
                .pipeline(Fixtures.stubbed(clock, recorder, body -> Stub.json(gitHubPage(0, reset)))).build();
        client.execute(VIEWER);

        assertThatThrownBy(() -> client.execute(VIEWER))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAt()).isEqualTo(reset);
                    assertThat(e.getMessage()).contains("cost budget").contains("needs 1 points");
                });
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void costBudgetsRestoreSteadilyOrResetWhole() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        CostBudget bucket = new CostBudget(1000, 12, 50, java.util.Optional.empty(), t0);
        assertThat(bucket.waitFor(52, t0)).hasValue(Duration.ofMillis(800));
        assertThat(bucket.availableAt(t0.plusMillis(800))).isEqualTo(52.0);
        assertThat(bucket.waitFor(52, t0.plusMillis(800))).hasValue(Duration.ZERO);
        assertThat(bucket.availableAt(t0.plusSeconds(3600))).isEqualTo(1000.0);
        assertThat(bucket.waitFor(5000, t0)).as("a cost above the maximum waits for a full bucket")
                .hasValue(Duration.ofMillis(19760));
        assertThat(bucket.spend(52, t0.plusSeconds(1)).available()).isEqualTo(10.0);

        CostBudget window = new CostBudget(5000, 0, 0, java.util.Optional.of(t0.plusSeconds(30)), t0);
        assertThat(window.waitFor(1, t0.plusSeconds(10))).hasValue(Duration.ofSeconds(20));
        assertThat(window.availableAt(t0.plusSeconds(30))).isEqualTo(5000.0);
        assertThat(new CostBudget(10, 0, 0, java.util.Optional.empty(), t0).waitFor(1, t0)).isEmpty();
        assertThatThrownBy(() -> new CostBudget(0, 0, 0, java.util.Optional.empty(), t0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(bucket.describe(), window.describe()))
                .containsExactly("12 of 1000 points available, restoring 50/s",
                        "0 of 5000 points available, resets at " + t0.plusSeconds(30));
    }
}
