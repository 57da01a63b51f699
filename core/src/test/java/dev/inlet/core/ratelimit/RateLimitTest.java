package dev.inlet.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The configuration: documented defaults, checked input, value semantics. */
class RateLimitTest {

    @Test
    void defaultsAreAdaptiveOnly() {
        RateLimit d = RateLimit.defaults();
        assertThat(d.hasFixedRate()).isFalse();
        assertThat(d.permits()).isZero();
        assertThat(d.isAdaptive()).isTrue();
        assertThat(d.paceBelow()).isEqualTo(0.1);
        assertThat(d.resetMargin()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.maxWait()).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.toString()).contains("no fixed rate").contains("adaptive below 10%");
    }

    @Test
    void perSecondIsASmoothFixedRateThatStaysAdaptive() {
        RateLimit ten = RateLimit.perSecond(10);
        assertThat(ten.hasFixedRate()).isTrue();
        assertThat(ten.permits()).isEqualTo(10);
        assertThat(ten.period()).isEqualTo(Duration.ofSeconds(1));
        assertThat(ten.isBursty()).isFalse();
        assertThat(ten.isAdaptive()).isTrue();
        assertThat(ten).isEqualTo(RateLimit.builder().smooth(10, Duration.ofSeconds(1)).build())
                .hasSameHashCodeAs(RateLimit.builder().smooth(10, Duration.ofSeconds(1)).build())
                .isNotEqualTo(RateLimit.builder().bursty(10, Duration.ofSeconds(1)).build());
        assertThat(ten.toBuilder().noFixedRate().build()).isEqualTo(RateLimit.defaults());
    }

    @Test
    void theBuilderRejectsNonsense() {
        RateLimit.Builder b = RateLimit.builder();
        assertThatThrownBy(() -> b.smooth(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("permits");
        assertThatThrownBy(() -> b.bursty(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period");
        assertThatThrownBy(() -> b.smooth(2_000_000_000L, Duration.ofNanos(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.paceBelow(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.paceBelow(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxWait(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.resetMargin(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.builder().adaptive(false).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fixed rate");
    }
}
