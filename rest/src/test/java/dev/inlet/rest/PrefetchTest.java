package dev.inlet.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.Headers;
import dev.inlet.core.InletListener;
import dev.inlet.core.PagePrediction;
import dev.inlet.core.Position;
import dev.inlet.core.PrefetchingSource;
import dev.inlet.core.ResponseInfo;
import dev.inlet.core.Sleeper;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.ratelimit.RateLimit;
import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.core.testing.LoopbackServer;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code prefetch(k)} over real HTTP: offset, page-number and Link paging, with a rate limit. */
class PrefetchTest {

    /** The records {@code {"id":n}} for n in 0..total-1, paged in bare arrays (3 a page unless asked). */
    private static FakeApi numbers(int total, Paging paging) {
        return FakeApi.builder().path("/n").paging(paging).arrayBody().pageSize(3)
                .records(RecordSet.of(IntStream.range(0, total).mapToObj(i -> Map.of("id", i)).toList())).start();
    }

    private static List<Integer> ids(Connector<JsonNode> connector) {
        try (Stream<JsonNode> records = connector.records()) {
            return records.map(r -> r.get("id").asInt()).collect(Collectors.toList());
        }
    }

    private static List<Integer> upTo(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    @Test
    void offsetPagingWithPrefetchDeliversEveryRecordInOrderAndWastesAtMostDepthMinusOneRequests() {
        try (FakeApi api = numbers(95, Paging.offset())) {
            Connector<JsonNode> connector = RestConnector.builder("numbers").baseUrl(api.baseUrl()).path(api.path())
                    .paginator(Paginators.offset("offset", "limit", 10)).prefetch(4).build();
            assertThat(connector.source()).isInstanceOf(PrefetchingSource.class);
            assertThat(ids(connector)).isEqualTo(upTo(95));
            // 10 pages and the empty one at 95 that ends the data, plus at most 3 requested past the end
            // (100, 110, 120: guessed while page 90, which came back short, was read).
            assertThat(api.requests().size()).isBetween(11, 14);
            assertThat(connector.lastReport().orElseThrow().pages()).isEqualTo(11);
        }
    }

    @Test
    void pageNumbersWithASizeArePrefetchedToo() {
        try (FakeApi api = numbers(42, Paging.pageNumber())) {
            Connector<JsonNode> connector = RestConnector.builder("numbers").baseUrl(api.baseUrl()).path(api.path())
                    .paginator(Paginators.pageNumber("page", 1, "per_page", 5)).prefetch(3).build();
            assertThat(ids(connector)).isEqualTo(upTo(42));
        }
    }

    @Test
    void everyRequestAheadWaitsForTheSharedRateLimiter() {
        List<Long> sentAt = new CopyOnWriteArrayList<>();
        List<Long> permitAt = new CopyOnWriteArrayList<>();
        List<InletListener.RateLimited> held = new CopyOnWriteArrayList<>();
        InletListener listener = new InletListener() {
            @Override
            public void requestSent(RequestSent event) {
                sentAt.add(System.nanoTime());
            }

            @Override
            public void rateLimited(RateLimited event) {
                held.add(event);
            }
        };
        // The limiter's waits are the only ones here (no faults, no retries): recording when each wait
        // ends is recording the time of the permit it was given — what the limiter decides, unlike the
        // time a request reaches the socket, which a busy machine can delay and bunch.
        Sleeper recording = wait -> {
            permitAt.add(System.nanoTime() + wait.toNanos());
            Sleeper.system().sleep(wait);
        };
        try (FakeApi api = numbers(240, Paging.offset())) {
            Connector<JsonNode> connector = RestConnector.builder("numbers").baseUrl(api.baseUrl()).path(api.path())
                    .paginator(Paginators.offset("offset", "limit", 10)).prefetch(8).listener(listener)
                    .pipeline(HttpPipeline.builder().sleeper(recording).build())
                    .rateLimiter(RateLimiters.create().shared("api", RateLimit.perSecond(40))).build();
            assertThat(ids(connector)).isEqualTo(upTo(240));
            // A request cancelled past the end may have left without reaching the server.
            assertThat(sentAt).hasSizeGreaterThanOrEqualTo(api.requests().size());
        }
        assertThat(held).isNotEmpty().allSatisfy(e -> assertThat(e.key()).isEqualTo("api"));
        assertThat(permitAt).as("one wait per rate-limited request").hasSameSizeAs(held);
        int unheld = sentAt.size() - permitAt.size();
        assertThat(unheld).as("requests given a permit at once: the smooth limiter's first").isLessThanOrEqualTo(2);
        // 40/s smooth is one permit per 25 ms: any 500 ms window holds at most 20 permits (+1 at its edge)
        // however many pages are in flight, plus the few given at once.
        List<Long> times = new ArrayList<>(permitAt);
        times.sort(null);
        for (int i = 0; i < times.size(); i++) {
            long windowEnd = times.get(i) + TimeUnit.MILLISECONDS.toNanos(500);
            long inWindow = times.stream().skip(i).filter(t -> t < windowEnd).count();
            assertThat(inWindow).as("permits in the 500 ms from permit %d", i).isLessThanOrEqualTo(21);
        }
        long spanMillis = TimeUnit.NANOSECONDS.toMillis(times.get(times.size() - 1) - times.get(0));
        assertThat(spanMillis).as("the limiter spaced %d permits", times.size())
                .isGreaterThanOrEqualTo((times.size() - 1) * 25L * 9 / 10);
    }

    @Test
    void theNextLinkLeavesWhenTheHeadArrivesBeforeTheBodyIsRead() {
        CountDownLatch secondRequested = new CountDownLatch(1);
        List<Boolean> sawSecondBeforeFirstBodyEnded = new CopyOnWriteArrayList<>();
        try (LoopbackServer server = LoopbackServer.start()) {
            server.route("/items", exchange -> {
                int page = exchange.getRequestURI().getQuery() == null ? 0
                        : Integer.parseInt(exchange.getRequestURI().getQuery().replace("page=", ""));
                if (page == 1) {
                    secondRequested.countDown();
                }
                if (page < 3) {
                    exchange.getResponseHeaders().set("Link", "</items?page=" + (page + 1) + ">; rel=\"next\"");
                }
                OutputStream out = LoopbackServer.ok(exchange, "application/json", null);
                LoopbackServer.write(out, "[{\"id\":" + (page * 2) + "},");
                out.flush();
                if (page == 0) {
                    // The rest of page 0's body is sent only once page 1 was asked for (or after 10 s).
                    try {
                        sawSecondBeforeFirstBodyEnded.add(secondRequested.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                LoopbackServer.write(out, "{\"id\":" + (page * 2 + 1) + "}]");
            });
            Connector<JsonNode> connector = RestConnector.builder("items").baseUrl(server.baseUrl()).path("/items")
                    .paginator(Paginators.linkHeader()).prefetch(2).build();
            assertThat(ids(connector)).isEqualTo(upTo(8));
            assertThat(sawSecondBeforeFirstBodyEnded).containsExactly(true);
            assertThat(server.requests("/items")).isEqualTo(4);
        }
    }

    @Test
    void headerCursorsArePipelinedAndPositionsStayExact() {
        try (FakeApi api = numbers(15, Paging.headerCursor())) {
            Connector<JsonNode> plain = RestConnector.builder("c").baseUrl(api.baseUrl()).path(api.path())
                    .paginator(Paginators.headerCursor("X-Next-Cursor", "cursor")).build();
            Connector<JsonNode> pipelined = RestConnector.builder("c").baseUrl(api.baseUrl()).path(api.path())
                    .paginator(Paginators.headerCursor("X-Next-Cursor", "cursor")).prefetch(2).build();
            assertThat(positions(pipelined)).isEqualTo(positions(plain)).hasSize(16);
        }
    }

    private static List<Position> positions(Connector<JsonNode> connector) {
        List<Position> out = new ArrayList<>();
        try (var run = connector.open()) {
            while (run.hasNext()) {
                run.next();
                out.add(run.position());
            }
            out.add(run.position());
        }
        return out;
    }

    @Test
    void aNextLinkToAnOriginNotAllowedIsNeverRequestedAhead() {
        PrefetchingSource source = (PrefetchingSource) RestConnector.builder("items").baseUrl("https://api.example.com")
                .path("/items").paginator(Paginators.linkHeader()).prefetch(2).source();
        PagePrediction prediction = (PagePrediction) source.delegate();
        ResponseInfo foreign = head("<https://evil.example.net/items?page=2>; rel=\"next\"");
        ResponseInfo same = head("</items?page=2>; rel=\"next\"");
        assertThat(prediction.nextTokenFromHead(Position.start(), foreign)).isEmpty();
        assertThat(prediction.nextTokenFromHead(Position.start(), same)).contains("https://api.example.com/items?page=2");
        assertThat(prediction.nextIfFull(Position.start())).isEmpty();
    }

    private static ResponseInfo head(String link) {
        return new ResponseInfo("GET", URI.create("https://api.example.com/items"), 200,
                Headers.builder().set("Link", link).build(), Instant.EPOCH, Duration.ZERO);
    }

    @Test
    void prefetchIsBetweenOneAndSixtyFour() {
        assertThatThrownBy(() -> RestConnector.builder("x").prefetch(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 (off) and 64");
        assertThat(RestConnector.builder("x").baseUrl("https://a.example").prefetch(1).source())
                .isNotInstanceOf(PrefetchingSource.class);
    }
}
