package dev.inlet.core.retry;

import static dev.inlet.core.retry.Responses.info;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Reading the remaining request budget from every header family servers send. */
class ServerBudgetTest {

    private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T12:00:00Z"));

    private Optional<ServerBudget> budget(String... headers) {
        return ServerBudget.from(info(200, headers), clock);
    }

    @Test
    void noHeadersNoBudget() {
        assertThat(budget("Content-Type", "application/json")).isEmpty();
        assertThat(budget("X-RateLimit-Remaining", "lots")).isEmpty();
    }

    @Test
    void theDeFactoXRateLimitFields() {
        long reset = clock.instant().plusSeconds(1800).getEpochSecond();
        assertThat(budget("X-RateLimit-Limit", "5000", "X-RateLimit-Remaining", "4999", "X-RateLimit-Reset",
                Long.toString(reset))).contains(new ServerBudget(4999, OptionalLong.of(5000),
                Optional.of(Duration.ofMinutes(30)), "X-RateLimit-Remaining"));
        assertThat(budget("x-rate-limit-remaining", "3", "x-rate-limit-reset", "1.5")).hasValueSatisfying(b -> {
            assertThat(b.remaining()).isEqualTo(3);
            assertThat(b.resetIn()).contains(Duration.ofMillis(1500));
            assertThat(b.limit()).isEmpty();
        });
    }

    @Test
    void theStructuredIetfFieldWithItsPolicy() {
        assertThat(budget("RateLimit", "\"default\";r=50;t=30", "RateLimit-Policy", "\"default\";q=100;w=60"))
                .contains(new ServerBudget(50, OptionalLong.of(100), Optional.of(Duration.ofSeconds(30)), "RateLimit"));
    }

    @Test
    void ofSeveralPoliciesTheMostConstrainingCounts() {
        assertThat(budget("RateLimit", "\"daily\";r=800;t=40000, \"burst\";r=2;t=1",
                "RateLimit-Policy", "\"burst\";q=10;w=1, \"daily\";q=1000;w=86400"))
                .contains(new ServerBudget(2, OptionalLong.of(10), Optional.of(Duration.ofSeconds(1)), "RateLimit"));
        assertThat(budget("RateLimit", "\"a\";r=0;t=5", "RateLimit", "\"b\";r=0;t=50"))
                .hasValueSatisfying(b -> assertThat(b.resetIn()).contains(Duration.ofSeconds(50)));
    }

    @Test
    void quotedNamesMayHoldSeparators() {
        assertThat(budget("RateLimit", "\"per user, per day\";r=7;t=60;pk=:dXNlcg==:"))
                .hasValueSatisfying(b -> assertThat(b.remaining()).isEqualTo(7));
    }

    @Test
    void theOlderDrafts() {
        assertThat(budget("RateLimit", "limit=100, remaining=40, reset=20")).contains(new ServerBudget(40,
                OptionalLong.of(100), Optional.of(Duration.ofSeconds(20)), "RateLimit"));
        assertThat(budget("RateLimit-Limit", "100, 100;w=60", "RateLimit-Remaining", "0", "RateLimit-Reset", "9"))
                .contains(new ServerBudget(0, OptionalLong.of(100), Optional.of(Duration.ofSeconds(9)),
                        "RateLimit-Remaining"));
    }

    @Test
    void negativeRemainingMeansExhausted() {
        assertThat(budget("X-RateLimit-Remaining", "-1")).hasValueSatisfying(b -> assertThat(b.isExhausted()).isTrue());
    }

    @Test
    void epochResetsAreMeasuredAgainstTheServersDate() {
        assertThat(budget("Date", "Sun, 01 Mar 2026 09:00:00 GMT", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(Instant.parse("2026-03-01T09:01:00Z").getEpochSecond())))
                .hasValueSatisfying(b -> assertThat(b.resetIn()).contains(Duration.ofMinutes(1)));
    }
}
