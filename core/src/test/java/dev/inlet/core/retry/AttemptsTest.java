package dev.inlet.core.retry;

import static dev.inlet.core.retry.Responses.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.error.BodyErrorException;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.error.RateLimitedException;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accounting of one call: backoff, server hints, caps and the budget. */
class AttemptsTest {

    private final FakeClock clock = new FakeClock();
    private static final TransportException RESET = new TransportException("reset", false, null);

    private static RetryPolicy.Builder noJitter() {
        return RetryPolicy.builder().fullJitter(false);
    }

    @Test
    void backoffDoublesFromTheInitialStepAndGivesUpAfterMaxAttempts() {
        Attempts attempts = noJitter().build().begin(clock, true);
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waits.add(attempts.nextWait(new TransportException("reset", false, null), "GET /x"));
        }
        assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
        assertThat(attempts.attempt()).isEqualTo(5);
        assertThat(attempts.retries()).isEqualTo(4);
        assertThat(attempts.waited()).isEqualTo(Duration.ofMillis(3750));
        assertThat(attempts.lastHint()).isEmpty();

        TransportException last = new TransportException("reset", false, null);
        assertThatThrownBy(() -> attempts.nextWait(last, "GET /x")).isSameAs(last)
                .hasMessageContaining("gave up after 5 attempts");
    }

    @Test
    void backoffStopsGrowingAtTheMaximumStep() {
        Attempts attempts = noJitter().maxAttempts(6).backoff(Duration.ofMillis(100), Duration.ofMillis(300)).build()
                .begin(clock, true);
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waits.add(attempts.nextWait(RESET, "GET /x"));
        }
        assertThat(waits).extracting(Duration::toMillis).containsExactly(100L, 200L, 300L, 300L, 300L);
    }

    @Test
    void fullJitterDrawsEachWaitBetweenZeroAndTheStep() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(4).build();
        List<Long> firstWaits = new ArrayList<>();
        for (int run = 0; run < 300; run++) {
            Attempts attempts = policy.begin(clock, true);
            long first = attempts.nextWait(RESET, "GET /x").toMillis();
            long second = attempts.nextWait(RESET, "GET /x").toMillis();
            long third = attempts.nextWait(RESET, "GET /x").toMillis();
            assertThat(first).isBetween(0L, 250L);
            assertThat(second).isBetween(0L, 500L);
            assertThat(third).isBetween(0L, 1000L);
            firstWaits.add(first);
        }
        // Spread, not a constant: clients that failed together must not retry together.
        assertThat(firstWaits.stream().distinct().count()).isGreaterThan(50);
        assertThat(firstWaits.stream().mapToLong(Long::longValue).average().orElseThrow()).isBetween(90.0, 160.0);
    }

    @Test
    void theServersRetryAfterWinsOverBackoffWithoutJitter() {
        Attempts attempts = RetryPolicy.defaults().begin(clock, true);
        Duration wait = attempts.nextWait(status(429, "Retry-After", "2"), "GET /x");
        assertThat(wait).isEqualTo(Duration.ofSeconds(2));
        assertThat(attempts.lastHint()).contains(new WaitHint(Duration.ofSeconds(2), "Retry-After"));

        Duration zero = attempts.nextWait(status(503, "Retry-After", "0"), "GET /x");
        assertThat(zero).isZero();
        assertThat(attempts.nextWait(status(503), "GET /x")).as("no hint: backoff again")
                .isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(attempts.lastHint()).isEmpty();
    }

    @Test
    void aWaitAboveTheCapFailsFastSayingWhenToTryAgain() {
        Attempts attempts = RetryPolicy.defaults().begin(clock, true);
        RateLimitedException e = org.junit.jupiter.api.Assertions.assertThrows(RateLimitedException.class,
                () -> attempts.nextWait(status(429, "Retry-After", "3600"), "GET https://api.example.com/v1"));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(e.retryAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(e.getMessage()).contains("HTTP 429").contains("GET https://api.example.com/v1")
                .contains("1 h 0 min").contains("maximum of PT2M");
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void aHintBeyondTheRemainingBudgetFailsFastToo() {
        Attempts attempts = RetryPolicy.builder().budget(Duration.ofSeconds(60)).build().begin(clock, true);
        clock.advance(Duration.ofSeconds(50));
        assertThatThrownBy(() -> attempts.nextWait(status(503, "Retry-After", "20"), "GET /x"))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("remaining retry budget");
    }

    @Test
    void backoffBeyondTheBudgetGivesUp() {
        Attempts attempts = noJitter().budget(Duration.ofSeconds(1)).build().begin(clock, true);
        assertThat(attempts.deadline()).isEqualTo(clock.instant().plusSeconds(1));
        attempts.nextWait(RESET, "GET /x");
        clock.advance(Duration.ofMillis(900));
        TransportException late = new TransportException("reset", false, null);
        assertThatThrownBy(() -> attempts.nextWait(late, "GET /x")).isSameAs(late)
                .hasMessageContaining("retry budget of PT1S ran out after 2 attempts");
    }

    @Test
    void nonRetryableFailuresAreRethrownAtOnce() {
        Attempts attempts = RetryPolicy.defaults().begin(clock, true);
        HttpStatusException notFound = status(404);
        assertThatThrownBy(() -> attempts.nextWait(notFound, "GET /x")).isSameAs(notFound);
        assertThat(attempts.attempt()).isEqualTo(1);
    }

    @Test
    void aCallThatMayNotBeRepeatedIsNeverRetriedAndSaysWhy() {
        Attempts attempts = RetryPolicy.defaults().begin(clock, false);
        HttpStatusException unavailable = status(503);
        assertThatThrownBy(() -> attempts.nextWait(unavailable, "POST https://api.example.com/v1/charges"))
                .isSameAs(unavailable).hasMessageContaining("not idempotent")
                .hasMessageContaining("idempotency key");
    }

    @Test
    void aBodyErrorsOwnWaitIsHonoured() {
        Attempts attempts = RetryPolicy.defaults().begin(clock, true);
        Duration wait = attempts.nextWait(new BodyErrorException("THROTTLED", true, Duration.ofMillis(1200)),
                "POST /graphql");
        assertThat(wait).isEqualTo(Duration.ofMillis(1200));
        assertThat(attempts.lastHint()).hasValueSatisfying(h -> assertThat(h.source()).isEqualTo("body"));
    }
}
