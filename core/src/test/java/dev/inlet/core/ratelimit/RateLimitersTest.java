package dev.inlet.core.ratelimit;

import dev.inlet.core.testing.EmptyPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Headers;
import dev.inlet.core.InletListener;
import dev.inlet.core.OpenPage;
import dev.inlet.core.Position;
import dev.inlet.core.error.RateLimitedException;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Interceptor;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.http.Transport;
import dev.inlet.core.testing.FakeClock;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The registry and the fixed-rate link. Failsafe's limiter keeps real time; the sleeper here only
 * records, so the waits asked for are what is checked (loosely, as real time passes meanwhile).
 */
class RateLimitersTest {

    private final FakeClock clock = new FakeClock();
    private final List<InletListener.RateLimited> events = new CopyOnWriteArrayList<>();
    private final InletListener listener = new InletListener() {
        @Override
        public void rateLimited(RateLimited event) {
            events.add(event);
        }
    };
    private static final Transport OK = (request, timeout) -> new Response(request, 200, Headers.empty(),
            new ByteArrayInputStream(new byte[0]), java.time.Instant.EPOCH, Duration.ZERO);

    private HttpPipeline pipeline(Interceptor limiter) {
        return HttpPipeline.builder().transport(OK).clock(clock).sleeper(clock).listener(listener)
                .rateLimiter(limiter).build();
    }

    private static void send(HttpPipeline pipeline, String url) {
        pipeline.send(Request.builder(url).connector("c1").build()).close();
    }

    @Test
    void aSmoothRateSpacesRequestsEvenly() {
        HttpPipeline p = pipeline(RateLimiters.create().shared("api", RateLimit.perSecond(10)));
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            send(p, "https://api.example.com/x");
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        // One permit every 100 ms: the fifth request's slot is ~400 ms after the first, of which the
        // loop itself used up some real time. Grid alignment may shift it by one interval.
        assertThat(clock.sleeps()).isNotEmpty().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(500)));
        long last = clock.sleeps().get(clock.sleeps().size() - 1).toMillis();
        assertThat(last + elapsedMillis).isBetween(290L, 510L);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo("api");
            assertThat(e.connector()).isEqualTo("c1");
            assertThat(e.reason()).isEqualTo("client-side rate of 10 per 1 s");
        });
    }

    @Test
    void aBurstyRateLetsTheQuotaGoAtOnce() {
        HttpPipeline p = pipeline(RateLimiters.create().shared("api", RateLimit.builder()
                .bursty(3, Duration.ofSeconds(10)).build()));
        for (int i = 0; i < 4; i++) {
            send(p, "https://api.example.com/x");
        }
        assertThat(clock.sleeps()).singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10)));
    }

    @Test
    void aWaitBeyondMaxWaitFailsFastAndReservesNothing() {
        HttpPipeline p = pipeline(RateLimiters.create().shared("slow", RateLimit.builder()
                .smooth(1, Duration.ofMinutes(10)).maxWait(Duration.ofSeconds(1)).build()));
        send(p, "https://api.example.com/x?api_key=s3cret");
        for (int i = 0; i < 2; i++) {
            RateLimitedException e = org.junit.jupiter.api.Assertions.assertThrows(RateLimitedException.class,
                    () -> send(p, "https://api.example.com/x?api_key=s3cret"));
            assertThat(e.getMessage()).contains("Rate limit 'slow'").contains("RateLimit.maxWait")
                    .contains("api_key=***").doesNotContain("s3cret");
        }
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void perHostKeepsEachHostApart() {
        RateLimiters registry = RateLimiters.create();
        HttpPipeline p = pipeline(registry.perHost(RateLimit.builder().bursty(1, Duration.ofMinutes(1)).build()));
        send(p, "https://a.example.com/x");
        send(p, "https://b.example.com:8443/x");
        send(p, "http://c.example.com:80/x");
        assertThat(clock.sleeps()).as("one request per host: nobody waits").isEmpty();
        assertThat(registry.contains("a.example.com")).isTrue();
        assertThat(registry.contains("b.example.com:8443")).isTrue();
        assertThat(registry.contains("c.example.com")).isTrue();
    }

    @Test
    void connectorsAskingTheSameRegistryForTheSameKeyShareOneLimiter() {
        RateLimiters registry = RateLimiters.create();
        RateLimit oneAMinute = RateLimit.builder().bursty(1, Duration.ofMinutes(1)).build();
        HttpPipeline first = pipeline(registry.shared("crm", oneAMinute));
        HttpPipeline second = pipeline(registry.shared("crm", oneAMinute));
        send(first, "https://api.example.com/x");
        send(second, "https://other.example.com/y");
        assertThat(clock.sleeps()).singleElement().satisfies(d -> assertThat(d).isPositive());

        HttpPipeline elsewhere = pipeline(RateLimiters.create().shared("crm", oneAMinute));
        send(elsewhere, "https://api.example.com/x");
        assertThat(clock.sleeps()).as("another registry, another limiter").hasSize(1);
    }

    @Test
    void aKeyHasOneConfiguration() {
        RateLimiters registry = RateLimiters.create();
        registry.shared("crm", RateLimit.perSecond(5));
        assertThatThrownBy(() -> registry.shared("crm", RateLimit.perSecond(6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'crm'")
                .hasMessageContaining("one configuration");
        assertThatThrownBy(() -> registry.shared(" ", RateLimit.perSecond(6))).isInstanceOf(IllegalArgumentException.class);

        HttpPipeline other = pipeline(registry.perHost(RateLimit.perSecond(100)));
        send(other, "https://crm/x");
        assertThat(registry.limitOf("crm")).as("the first configuration stays").contains(RateLimit.perSecond(5));
        assertThat(RateLimiters.global()).isSameAs(RateLimiters.global()).isNotSameAs(RateLimiters.create());
    }

    @Test
    void anInterruptedWaitStopsTheCallWithoutRetrying() {
        HttpPipeline p = HttpPipeline.builder().transport(OK).clock(clock).sleeper(d -> {
            throw new InterruptedException();
        }).rateLimiter(RateLimiters.create().shared("k", RateLimit.builder().bursty(1, Duration.ofMinutes(1)).build()))
                .build();
        send(p, "https://api.example.com/x");
        try {
            assertThatThrownBy(() -> send(p, "https://api.example.com/x")).isInstanceOf(TransportException.class)
                    .hasMessageContaining("rate limit 'k'").hasMessageContaining("not retried");
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    @Test
    void aPagesWaitedTimeIncludesItsRateLimitWaits() {
        HttpPipeline p = pipeline(RateLimiters.create().shared("k", RateLimit.builder()
                .bursty(1, Duration.ofMinutes(1)).build()));
        send(p, "https://api.example.com/x");
        try (OpenPage page = p.openPage(Position.start(), Request.builder("https://api.example.com/p").build(),
                EmptyPage::new)) {
            assertThat(page.waited()).isEqualTo(clock.totalSlept()).isPositive();
            assertThat(page.retries()).isZero();
        }
    }
}
