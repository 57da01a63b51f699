package dev.inlet.rest.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.Connector;
import dev.inlet.core.InletListener;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Interceptor;
import dev.inlet.core.ratelimit.RateLimit;
import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.rest.Items;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Eight connectors on eight threads share one limiter against a server that allows 50 requests per
 * second (a token bucket): no request is refused, every record arrives once, the limiter made
 * them wait, and together they never go faster than the allowed rate. How close they get to it is
 * a performance claim, measured in the bench module (rate-limit efficiency) rather than here, where
 * a loaded machine would make a lower bound flaky. Bounded real time: about 4 s.
 *
 * <p>On WireMock rather than the test kit's FakeApi: the server here is a token bucket that counts
 * what it admits and refuses and measures the achieved rate ({@link TokenBucket}); the kit's
 * {@code rateLimit} is a fixed window, which would refuse a smooth client at a window's edge.
 */
class SharedRateLimitTest {

    private static final int RATE = 50;
    private static final int CONNECTORS = 8;
    private static final int PAGES = 25;
    private static final TokenBucket BUCKET = new TokenBucket(RATE, RATE / 5.0);

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .containerThreads(24).extensions(BUCKET)).build();

    @Test
    void eightConnectorsSharingOneLimiterNeverSeeA429AndUseTheAllowedRate() throws Exception {
        for (int page = 0; page <= PAGES; page++) {
            String records = page < PAGES ? Items.items(2 * page, 2 * page + 2) : "[]";
            server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo(Integer.toString(2 * page)))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"data\":" + records + "}")));
        }
        Interceptor limiter = RateLimiters.create().shared("fake-api", RateLimit.perSecond(RATE));
        AtomicInteger waits = new AtomicInteger();
        InletListener listener = new InletListener() {
            @Override
            public void rateLimited(RateLimited event) {
                waits.incrementAndGet();
            }
        };
        List<Connector<JsonNode>> connectors = new ArrayList<>();
        for (int i = 0; i < CONNECTORS; i++) {
            connectors.add(RestConnector.builder("c" + i).baseUrl(server.baseUrl()).path("/items").records("/data")
                    .paginator(Paginators.offset("offset", "limit", 2))
                    .pipeline(HttpPipeline.builder().rateLimiter(limiter).listener(listener).build()).build());
        }

        ExecutorService pool = Executors.newFixedThreadPool(CONNECTORS);
        List<Future<List<Integer>>> runs = new ArrayList<>();
        try {
            for (Connector<JsonNode> connector : connectors) {
                runs.add(pool.submit(() -> {
                    try (Stream<JsonNode> records = connector.records()) {
                        return records.map(r -> r.get("n").asInt()).toList();
                    }
                }));
            }
            for (Future<List<Integer>> run : runs) {
                assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(Items.range(0, 2 * PAGES));
            }
        } finally {
            pool.shutdownNow();
        }

        double achieved = BUCKET.achievedRate();
        System.out.printf("shared limiter: %d requests, %d refused (429), %.1f req/s of %d allowed (%.0f%%), "
                + "%d waits reported%n", BUCKET.allowed.get(), BUCKET.throttled.get(), achieved, RATE,
                100 * achieved / RATE, waits.get());
        assertThat(BUCKET.throttled).as("429 responses").hasValue(0);
        assertThat(BUCKET.allowed).hasValue(CONNECTORS * (PAGES + 1));
        assertThat(achieved).as("requests per second, never above the allowed rate").isLessThanOrEqualTo(1.1 * RATE);
        assertThat(waits.get()).as("the limiter made requests wait").isGreaterThan(CONNECTORS * PAGES / 2);
    }
}
