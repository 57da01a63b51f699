package dev.inlet.bench.latency;

import dev.inlet.bench.harness.Options;
import dev.inlet.bench.harness.Stats;
import dev.inlet.core.Connector;
import dev.inlet.core.ratelimit.RateLimit;
import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark 9: latency-bound paging (issue 21). A loopback API answers each page after a latency;
 * Inlet with prefetch against a sequential OkHttp loop, in one JVM, alternating, for some rounds:
 * offset paging with {@code prefetch(k)}, the same under a 10 pages/s limit (with 429s counted), and
 * {@code Link} paging with pipelining ({@code prefetch(2)}) against the same loop following links.
 */
public final class LatencyBenchmark {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private LatencyBenchmark() {
    }

    public static void run(Options options) throws Exception {
        int pages = options.integer("pages", 60);
        int perPage = options.integer("per-page", 1000);
        int latency = options.integer("latency-ms", 50);
        int k = options.integer("prefetch", 8);
        int rounds = options.integer("rounds", 3);
        int limitedPages = options.integer("limited-pages", 30);
        long total = (long) pages * perPage;
        System.out.printf("latency-bound paging: %d pages x %d records, %d ms per page, prefetch %d, %d rounds, "
                + "Java %s, load %s%n", pages, perPage, latency, k, rounds, Runtime.version(), load());
        OkHttpClient ok = new OkHttpClient();
        try (SlowApi api = new SlowApi(pages, perPage, latency)) {
            String base = api.baseUrl();
            Connector<JsonNode> offset = RestConnector.builder("offset").baseUrl(base).path("/offset").records("/data")
                    .paginator(Paginators.offset("offset", "limit", perPage)).prefetch(k).build();
            Connector<JsonNode> link = RestConnector.builder("link").baseUrl(base).path("/link").records("/data")
                    .paginator(Paginators.linkHeader()).prefetch(2).build();
            Connector<JsonNode> linkSequential = RestConnector.builder("link1").baseUrl(base).path("/link")
                    .records("/data").paginator(Paginators.linkHeader()).build();
            List<Double> offsetRatios = new ArrayList<>();
            List<Double> linkRatios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                double loop = rate(total, () -> okOffsetLoop(ok, base, perPage));
                double inlet = rate(total, () -> count(offset));
                double loopLink = rate(total, () -> okLinkLoop(ok, base + "/link?page=0"));
                double inletLink = rate(total, () -> count(link));
                double inletLinkSeq = rate(total, () -> count(linkSequential));
                offsetRatios.add(inlet / loop);
                linkRatios.add(inletLink / loopLink);
                System.out.printf("round %d: offset  OkHttp loop %,.0f rec/s, Inlet prefetch(%d) %,.0f rec/s, ratio %.2f%n",
                        round, loop, k, inlet, inlet / loop);
                System.out.printf("round %d: Link    OkHttp loop %,.0f rec/s, Inlet prefetch(2) %,.0f rec/s, ratio %.2f "
                        + "(Inlet without prefetch %,.0f)%n", round, loopLink, inletLink, inletLink / loopLink,
                        inletLinkSeq);
            }
            Stats offsetStats = Stats.of(offsetRatios);
            Stats linkStats = Stats.of(linkRatios);
            System.out.printf("offset prefetch(%d) / sequential OkHttp: median %.2f (%.2f-%.2f), goal >= 7%n", k,
                    offsetStats.median(), offsetStats.min(), offsetStats.max());
            System.out.printf("Link pipelining / sequential OkHttp: median %.2f (%.2f-%.2f), goal >= 1.6%n",
                    linkStats.median(), linkStats.min(), linkStats.max());

            Connector<JsonNode> limited = RestConnector.builder("limited").baseUrl(base).path("/limited")
                    .records("/data").paginator(Paginators.offset("offset", "limit", perPage)).prefetch(k)
                    .maxRecords((long) limitedPages * perPage)
                    .rateLimiter(RateLimiters.create().shared("slow-api", RateLimit.perSecond(10))).build();
            long start = System.nanoTime();
            long records = count(limited);
            double seconds = (System.nanoTime() - start) / 1e9;
            // n pages at 10/s take (n - 1) / 10 s from the first request to the last, plus one latency.
            double pagesPerSecond = (limitedPages - 1) / (seconds - latency / 1000.0);
            System.out.printf("rate limit 10 pages/s, prefetch(%d): %d records, %.2f pages/s = %.3f of the limit, "
                    + "%d x 429, goal >= 0.95 and 0%n", k, records, pagesPerSecond, pagesPerSecond / 10, api.tooMany.get());
        } finally {
            ok.dispatcher().executorService().shutdown();
            ok.connectionPool().evictAll();
        }
    }

    private static long count(Connector<JsonNode> connector) {
        try (Stream<JsonNode> records = connector.records()) {
            return records.count();
        }
    }

    private static long okOffsetLoop(OkHttpClient client, String base, int perPage) throws IOException {
        long seen = 0;
        for (int offset = 0; ; offset += perPage) {
            int n = records(client, base + "/offset?offset=" + offset + "&limit=" + perPage).size();
            if (n == 0) {
                return seen;
            }
            seen += n;
        }
    }

    private static long okLinkLoop(OkHttpClient client, String first) throws IOException {
        long seen = 0;
        String url = first;
        while (url != null) {
            try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
                seen += MAPPER.readTree(response.body().byteStream()).get("data").size();
                String header = response.header("Link");
                url = header == null ? null : header.substring(header.indexOf('<') + 1, header.indexOf('>'));
            }
        }
        return seen;
    }

    private static JsonNode records(OkHttpClient client, String url) throws IOException {
        try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
            if (response.code() != 200) {
                throw new IOException("HTTP " + response.code() + " from " + url);
            }
            return MAPPER.readTree(response.body().byteStream()).get("data");
        }
    }

    private static double rate(long expected, Callable<Long> pass) throws Exception {
        long start = System.nanoTime();
        long got = pass.call();
        long nanos = System.nanoTime() - start;
        if (got != expected) {
            throw new IllegalStateException("a pass read " + got + " records, expected " + expected);
        }
        return got / (nanos / 1e9);
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
