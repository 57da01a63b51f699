package dev.inlet.core.retry;

import static dev.inlet.core.retry.Responses.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.error.BodyErrorException;
import dev.inlet.core.error.DecodingException;
import dev.inlet.core.error.InletException;
import dev.inlet.core.error.PaginationException;
import dev.inlet.core.error.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the policy retries, its documented defaults, and the builder's checks. */
class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.defaults();

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(policy.maxAttempts()).isEqualTo(5);
        assertThat(policy.initialDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.maxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.fullJitter()).isTrue();
        assertThat(policy.budget()).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.maxServerWait()).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.retryableStatuses()).containsExactlyInAnyOrder(408, 425, 429, 500, 502, 503, 504);
        assertThat(policy.retryDecodingErrors()).isTrue();
        assertThat(policy.idempotencyKeyHeader()).isEmpty();
        assertThat(RetryPolicy.builder().idempotencyKeys().build().idempotencyKeyHeader()).contains("Idempotency-Key");
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @ParameterizedTest(name = "HTTP {0} is retried")
    @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504})
    void transientStatusesAreRetried(int code) {
        assertThat(policy.isRetryable(status(code))).isTrue();
    }

    @ParameterizedTest(name = "HTTP {0} is never retried")
    @ValueSource(ints = {400, 401, 403, 404, 405, 409, 410, 422, 501, 505})
    void otherStatusesAreNot(int code) {
        assertThat(policy.isRetryable(status(code))).isFalse();
    }

    @Test
    void githubsRateLimited403IsRetriedButAPlain403IsNot() {
        assertThat(policy.isRetryable(status(403, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1767225600")))
                .isTrue();
        assertThat(policy.isRetryable(status(403, "Retry-After", "60"))).as("secondary rate limit").isTrue();
        assertThat(policy.isRetryable(status(403, "X-RateLimit-Remaining", "12"))).isFalse();
    }

    @Test
    void transportFailuresAndPassingBodyFaultsAreRetried() {
        assertThat(policy.isRetryable(new TransportException("reset", false, new IOException()))).isTrue();
        assertThat(policy.isRetryable(new TransportException("slow", true, null))).isTrue();
        assertThat(policy.isRetryable(new DecodingException("truncated", 10, "", null, null))).isTrue();
        assertThat(policy.isRetryable(new DecodingException("no records path", -1, "", null, null, false))).isFalse();
        assertThat(policy.toBuilder().retryDecodingErrors(false).build()
                .isRetryable(new DecodingException("truncated", 10, "", null, null))).isFalse();
    }

    @Test
    void bodyErrorsFollowTheClassifiersVerdict() {
        assertThat(policy.isRetryable(new BodyErrorException("busy", true))).isTrue();
        assertThat(policy.isRetryable(new BodyErrorException("bad query", false))).isFalse();
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThat(policy.isRetryable(new PaginationException("loop", null))).isFalse();
        assertThat(policy.isRetryable(new InletException("anything"))).isFalse();
        assertThat(policy.isRetryable(new IllegalStateException())).isFalse();
    }

    @Test
    void only408And425And429And5xxMayBeConfiguredAsRetryable() {
        RetryPolicy custom = RetryPolicy.builder().retryableStatuses(Set.of(429, 503, 529)).build();
        assertThat(custom.isRetryable(status(529))).isTrue();
        assertThat(custom.isRetryable(status(500))).isFalse();
        assertThatThrownBy(() -> RetryPolicy.builder().retryableStatuses(Set.of(503, 404)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("404")
                .hasMessageContaining("rejected the request");
        assertThatThrownBy(() -> RetryPolicy.builder().retryableStatuses(Set.of(302)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuilderRejectsNonsense() {
        RetryPolicy.Builder b = RetryPolicy.builder();
        assertThatThrownBy(() -> b.maxAttempts(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> b.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> b.backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.budget(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxServerWait(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.idempotencyKeyHeader(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noIdempotencyKeys");
    }

    @Test
    void builtPoliciesAreImmutable() {
        RetryPolicy.Builder builder = RetryPolicy.builder().maxAttempts(3).idempotencyKeys();
        RetryPolicy three = builder.build();
        builder.maxAttempts(7);
        assertThat(three.maxAttempts()).isEqualTo(3);
        RetryPolicy derived = three.toBuilder().noIdempotencyKeys().maxServerWait(Duration.ZERO).build();
        assertThat(three.idempotencyKeyHeader()).isPresent();
        assertThat(derived.idempotencyKeyHeader()).isEmpty();
        assertThat(derived.maxAttempts()).isEqualTo(3);
        assertThatThrownBy(() -> three.retryableStatuses().add(404)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(three.toString()).contains("maxAttempts=3").contains("[408, 425, 429, 500, 502, 503, 504]");
    }
}
