package dev.inlet.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.retry.ServerBudget;
import dev.inlet.core.retry.WaitHint;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The adaptive pacing decisions, driven by hand-picked instants: no clocks, no waiting. */
class BudgetPacerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final BudgetPacer pacer = new BudgetPacer(0.1, Duration.ofSeconds(1));

    private static Optional<ServerBudget> budget(long remaining, long limit, long resetSeconds) {
        return Optional.of(new ServerBudget(remaining, OptionalLong.of(limit),
                Optional.of(Duration.ofSeconds(resetSeconds)), "X-RateLimit-Remaining"));
    }

    private Duration reserve(Instant at) {
        return pacer.reserve(at).delay();
    }

    @Test
    void withNothingKnownRequestsGoAtOnce() {
        assertThat(reserve(T0)).isZero();
        assertThat(reserve(T0)).isZero();
    }

    @Test
    void aComfortableBudgetDoesNotSlowAnything() {
        pacer.reserve(T0);
        pacer.observe(budget(500, 1000, 60), Optional.empty(), T0);
        for (int i = 0; i < 50; i++) {
            assertThat(reserve(T0)).isZero();
        }
    }

    @Test
    void belowThePaceShareTheRestIsSpreadEvenlyOverTheTimeToTheReset() {
        pacer.reserve(T0);
        pacer.observe(budget(5, 100, 60), Optional.empty(), T0);
        BudgetPacer.Wait first = pacer.reserve(T0);
        assertThat(first.delay()).isZero();
        assertThat(reserve(T0)).isEqualTo(Duration.ofSeconds(12));
        assertThat(reserve(T0)).isEqualTo(Duration.ofSeconds(24));
        BudgetPacer.Wait later = pacer.reserve(T0);
        assertThat(later.delay()).isEqualTo(Duration.ofSeconds(36));
        assertThat(reserve(T0.plusSeconds(40))).as("the last of five, 12 s after the fourth").isEqualTo(Duration.ofSeconds(8));
        assertThat(later.reason()).contains("pacing").contains("of 100 left");
    }

    @Test
    void atZeroEveryoneWaitsForTheResetPlusTheMargin() {
        pacer.reserve(T0);
        pacer.observe(budget(0, 100, 30), Optional.empty(), T0);
        BudgetPacer.Wait wait = pacer.reserve(T0.plusSeconds(10));
        assertThat(wait.delay()).isEqualTo(Duration.ofSeconds(21));
        assertThat(wait.reason()).contains("used up");
        assertThat(reserve(T0.plusSeconds(31))).as("after the reset: unknown budget, go").isZero();
    }

    @Test
    void ourOwnCountReachesZeroBeforeTheServerSaysSo() {
        BudgetPacer eager = new BudgetPacer(0, Duration.ZERO);
        eager.reserve(T0);
        eager.observe(budget(3, 100, 60), Optional.empty(), T0);
        assertThat(eager.reserve(T0).delay()).isZero();
        assertThat(eager.reserve(T0).delay()).isZero();
        assertThat(eager.reserve(T0).delay()).isZero();
        assertThat(eager.reserve(T0).delay()).as("three were left").isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aThrottledResponseHoldsBackEveryRequestUnderTheKey() {
        pacer.reserve(T0);
        pacer.observe(Optional.empty(), Optional.of(new WaitHint(Duration.ofSeconds(5), "Retry-After")), T0);
        BudgetPacer.Wait held = pacer.reserve(T0.plusSeconds(1));
        assertThat(held.delay()).isEqualTo(Duration.ofSeconds(4));
        assertThat(held.reason()).contains("Retry-After");
        assertThat(reserve(T0.plusSeconds(5))).isZero();
    }

    @Test
    void withinOneWindowTheCountNeverGoesBackUp() {
        BudgetPacer eager = new BudgetPacer(0, Duration.ZERO);
        eager.reserve(T0);
        eager.observe(budget(2, 100, 60), Optional.empty(), T0);
        eager.reserve(T0);
        eager.reserve(T0);
        // A late answer from before those two still says 2 left: stale, not new budget.
        eager.observe(budget(2, 100, 60), Optional.empty(), T0);
        assertThat(eager.reserve(T0).delay()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aNewWindowBringsANewBudgetMinusWhatIsStillInFlight() {
        BudgetPacer eager = new BudgetPacer(0, Duration.ZERO);
        eager.reserve(T0);
        eager.observe(budget(0, 100, 10), Optional.empty(), T0);
        Instant next = T0.plusSeconds(10);
        eager.reserve(next);
        eager.reserve(next);
        eager.reserve(next);
        eager.observe(budget(3, 5, 10), Optional.empty(), next);
        // Two requests are still out: of the 3 reported, only 1 is really ours to use.
        assertThat(eager.reserve(next).delay()).isZero();
        assertThat(eager.reserve(next).delay()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aFailedRequestGivesItsPlaceInFlightBack() {
        BudgetPacer eager = new BudgetPacer(0, Duration.ZERO);
        eager.reserve(T0);
        eager.release();
        eager.reserve(T0);
        eager.observe(budget(2, 100, 60), Optional.empty(), T0.plusSeconds(60));
        // New window: nothing in flight, so both are usable.
        assertThat(eager.reserve(T0.plusSeconds(60)).delay()).isZero();
        assertThat(eager.reserve(T0.plusSeconds(60)).delay()).isZero();
    }
}
