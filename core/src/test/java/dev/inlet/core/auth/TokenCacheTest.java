package dev.inlet.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Secret;
import dev.inlet.core.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private final FakeClock clock = new FakeClock();
    private final ExecutorService threads = Executors.newFixedThreadPool(16);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private AccessToken token(String value, Duration lifetime) {
        return new AccessToken(Secret.of(value), Optional.ofNullable(lifetime).map(clock.instant()::plus),
                Optional.empty());
    }

    @Test
    void sixteenThreadsNeedingATokenCauseOneFetchAndAllGetItsToken() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger fetched = new AtomicInteger();
        TokenCache cache = new TokenCache(() -> {
            await(release);
            return token("t" + fetched.incrementAndGet(), Duration.ofHours(1));
        }, clock, TokenHttp.DEFAULT_SKEW);

        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(threads.submit(cache::get));
        }
        awaitCondition(() -> cache.joinedFlights() == 15);
        release.countDown();

        for (Future<AccessToken> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS).value().reveal()).isEqualTo("t1");
        }
        assertThat(cache.fetches()).isEqualTo(1);
        assertThat(fetched).hasValue(1);
    }

    @Test
    void aFailedFetchFailsEveryWaiterOnceWithItsOwnCopyOfTheError() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TokenCache cache = new TokenCache(() -> {
            await(release);
            throw new AuthenticationException("Token request failed: HTTP 401, OAuth error invalid_client",
                    "invalid_client", "bad secret", 401, null, null);
        }, clock, TokenHttp.DEFAULT_SKEW);

        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(threads.submit(cache::get));
        }
        awaitCondition(() -> cache.joinedFlights() == 15);
        release.countDown();

        List<Throwable> failures = new ArrayList<>();
        for (Future<AccessToken> result : results) {
            try {
                result.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertThat(failures).hasSize(16).allSatisfy(f -> assertThat(f).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("invalid_client"));
        assertThat(failures.stream().distinct()).hasSize(16);
        assertThat(cache.fetches()).isEqualTo(1);
    }

    @Test
    void aTokenIsRenewedTheSkewBeforeItExpires() {
        AtomicInteger fetched = new AtomicInteger();
        TokenCache cache = new TokenCache(() -> token("t" + fetched.incrementAndGet(), Duration.ofSeconds(3600)),
                clock, Duration.ofSeconds(60));

        assertThat(cache.get().value().reveal()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(3539));
        assertThat(cache.get().value().reveal()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get().value().reveal()).isEqualTo("t2");
        assertThat(cache.fetches()).isEqualTo(2);
    }

    @Test
    void aShortLivedTokenIsRenewedAtHalfItsLifetimeNotOnEveryUse() {
        AtomicInteger fetched = new AtomicInteger();
        TokenCache cache = new TokenCache(() -> token("t" + fetched.incrementAndGet(), Duration.ofSeconds(30)),
                clock, Duration.ofSeconds(60));

        cache.get();
        clock.advance(Duration.ofSeconds(14));
        assertThat(cache.get().value().reveal()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get().value().reveal()).isEqualTo("t2");
    }

    @Test
    void aTokenWithoutExpiryLastsUntilItIsRejected() {
        AtomicInteger fetched = new AtomicInteger();
        TokenCache cache = new TokenCache(() -> token("t" + fetched.incrementAndGet(), null), clock,
                Duration.ofSeconds(60));

        AccessToken first = cache.get();
        clock.advance(Duration.ofDays(400));
        assertThat(cache.get()).isSameAs(first);
        assertThat(cache.replace(first).value().reveal()).isEqualTo("t2");
    }

    @Test
    void replacingATokenSomeoneAlreadyReplacedFetchesNothing() {
        AtomicInteger fetched = new AtomicInteger();
        TokenCache cache = new TokenCache(() -> token("t" + fetched.incrementAndGet(), Duration.ofHours(1)), clock,
                Duration.ofSeconds(60));
        AccessToken first = cache.get();
        AccessToken second = cache.replace(first);

        assertThat(cache.replace(first)).isSameAs(second);
        assertThat(cache.fetches()).isEqualTo(2);
    }

    @Test
    void aFetchAfterAFailureTriesAgain() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<AccessToken> flaky = () -> {
            if (calls.incrementAndGet() == 1) {
                throw new AuthenticationException("down", null, null, 503, null, null);
            }
            return token("t", Duration.ofHours(1));
        };
        TokenCache cache = new TokenCache(flaky, clock, Duration.ofSeconds(60));

        assertThatThrownBy(cache::get).isInstanceOf(AuthenticationException.class);
        assertThat(cache.get().value().reveal()).isEqualTo("t");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits, at most 10 s, for a condition other threads bring about. */
    static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 10 s");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
