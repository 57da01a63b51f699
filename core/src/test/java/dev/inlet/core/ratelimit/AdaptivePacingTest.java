package dev.inlet.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.InletListener;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The adaptive limiter against a server with a fixed-window budget, on a fake clock: several
 * connectors sharing one key use the whole budget and never see a 429.
 */
class AdaptivePacingTest {

    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<InletListener.RateLimited> waits = new CopyOnWriteArrayList<>();
    private final InletListener listener = new InletListener() {
        @Override
        public void rateLimited(RateLimited event) {
            waits.add(event);
        }
    };

    private HttpPipeline connector(FakeServer server, RateLimiters registry) {
        return HttpPipeline.builder().transport(server).clock(clock).sleeper(clock).listener(listener)
                .rateLimiter(registry.perHost()).build();
    }

    private static void call(HttpPipeline pipeline, String url) {
        try (Response response = pipeline.send(Request.builder(url).build())) {
            assertThat(response.status()).isEqualTo(200);
        }
    }

    @Test
    void connectorsSharingAHostSpendTheWholeBudgetWithoutA429() {
        FakeServer server = new FakeServer(clock, 100, Duration.ofMinutes(1));
        RateLimiters registry = RateLimiters.create();
        List<HttpPipeline> connectors = List.of(connector(server, registry), connector(server, registry),
                connector(server, registry));

        for (int i = 0; i < 330; i++) {
            call(connectors.get(i % 3), "https://api.example.com/items?page=" + i);
        }

        assertThat(server.throttled).as("429 responses").hasValue(0);
        assertThat(server.ok).hasValue(330);
        Duration elapsed = Duration.between(Instant.parse("2026-01-01T00:00:00Z"), clock.instant());
        // 330 requests need four windows at least (the fourth started at 3:00); pacing must not waste one.
        assertThat(elapsed).isBetween(Duration.ofMinutes(3), Duration.ofMinutes(3).plusSeconds(5));
        assertThat(waits).isNotEmpty().allSatisfy(w -> assertThat(w.key()).isEqualTo("api.example.com"));
        assertThat(waits).anySatisfy(w -> assertThat(w.reason()).contains("pacing"));
        assertThat(waits).anySatisfy(w -> assertThat(w.reason()).contains("used up"));
    }

    @Test
    void pacingSpreadsTheLastTenthOfTheBudgetOverTheRestOfTheWindow() {
        FakeServer server = new FakeServer(clock, 100, Duration.ofMinutes(1));
        HttpPipeline pipeline = connector(server, RateLimiters.create());
        for (int i = 0; i < 100; i++) {
            call(pipeline, "https://api.example.com/items?page=" + i);
        }
        // The first 90 go at once; the last 10 are spread over the minute, not bunched at its end.
        assertThat(server.served.subList(0, 90)).allSatisfy(t -> assertThat(t).isEqualTo(server.served.get(0)));
        Duration lastGap = Duration.between(server.served.get(98), server.served.get(99));
        assertThat(lastGap).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(server.served.get(99)).isBefore(Instant.parse("2026-01-01T00:01:00Z"));
    }

    @Test
    void aRetryAfterGivenToOneConnectorHoldsBackTheOthersOnTheKey() {
        FakeServer server = new FakeServer(clock, 2, Duration.ofMinutes(1));
        RateLimiters registry = RateLimiters.create();
        HttpPipeline unaware = HttpPipeline.builder().transport(server).clock(clock).sleeper(clock).build();
        HttpPipeline first = connector(server, registry).toBuilder().retryPolicy(RetryPolicy.none()).build();
        HttpPipeline second = connector(server, registry);
        // Someone outside the limiter used the budget up: our first connector meets a 429 and gives up.
        call(unaware, "https://api.example.com/a");
        call(unaware, "https://api.example.com/b");
        assertThatThrownBy(() -> call(first, "https://api.example.com/c")).isInstanceOf(HttpStatusException.class);

        call(second, "https://api.example.com/d");

        assertThat(server.throttled).as("the second connector waited instead of asking").hasValue(1);
        assertThat(waits).singleElement().satisfies(w -> {
            assertThat(w.reason()).contains("the server asked to wait (Retry-After)");
            assertThat(w.delay()).isEqualTo(Duration.ofSeconds(61));
        });
    }
}
