package dev.inlet.bench.server;

import dev.inlet.bench.data.Records;
import dev.inlet.bench.harness.Machine;
import dev.inlet.bench.harness.Options;
import dev.inlet.bench.harness.Stats;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.RecordSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark 8: how many pages per second the test kit's {@code FakeApi} serves, against this
 * module's {@link LoopbackServer} serving pre-rendered pages of the same records. One JDK
 * {@code HttpClient} (HTTP/1.1) reads every page in turn from each server; the order alternates
 * run by run. The fake must not be the bottleneck of a user's test: the target is a ratio of at
 * least 1.
 */
public final class ServerThroughput {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ServerThroughput() {
    }

    /** Pages per second of each server over the measured runs. */
    public record Result(Stats loopbackServer, Stats fakeApi, Stats ratio) {
    }

    /** Runs it and prints the result; options {@code --runs 5 --pages 100 --per-page 1000 --warmups 2}. */
    public static Result run(Options options) throws Exception {
        int runs = options.integer("runs", 5);
        int pages = options.integer("pages", 100);
        int perPage = options.integer("per-page", 1000);
        int warmups = options.integer("warmups", 2);
        System.out.println("servers: " + pages + " pages x " + perPage + " records; " + Machine.describe());
        List<Double> bench = new ArrayList<>();
        List<Double> fake = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        try (LoopbackServer server = LoopbackServer.start(new RecordPages(pages, perPage));
                FakeApi api = FakeApi.builder().records(sameRecords(pages, perPage)).pageSize(perPage)
                        .maxPageSize(perPage).start()) {
            IntFunction<String> benchPage = k -> server.baseUrl() + "/records?limit=" + perPage
                    + (k == 0 ? "" : "&cursor=c" + k);
            IntFunction<String> fakePage = k -> api.baseUrl() + "/records?offset=" + (long) k * perPage + "&limit=" + perPage;
            for (int w = 0; w < warmups; w++) {
                pagesPerSecond(benchPage, pages);
                pagesPerSecond(fakePage, pages);
            }
            for (int r = 0; r < runs; r++) {
                double b;
                double f;
                if (r % 2 == 0) {
                    b = pagesPerSecond(benchPage, pages);
                    f = pagesPerSecond(fakePage, pages);
                } else {
                    f = pagesPerSecond(fakePage, pages);
                    b = pagesPerSecond(benchPage, pages);
                }
                bench.add(b);
                fake.add(f);
                ratio.add(f / b);
                System.out.printf("run %d: LoopbackServer %.0f pages/s, FakeApi %.0f pages/s, ratio %.2f; %s%n",
                        r + 1, b, f, f / b, Machine.load());
            }
        }
        Result result = new Result(Stats.of(bench), Stats.of(fake), Stats.of(ratio));
        System.out.println("LoopbackServer pages/s " + result.loopbackServer().format("%.0f") + ", FakeApi pages/s "
                + result.fakeApi().format("%.0f") + ", FakeApi/LoopbackServer " + result.ratio().format("%.2f"));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static RecordSet sameRecords(int pages, int perPage) {
        JsonMapper json = JsonMapper.builder().build();
        List<Map<String, Object>> records = new ArrayList<>(pages * perPage);
        for (long n = 0; n < (long) pages * perPage; n++) {
            records.add(json.readValue(Records.json(n), Map.class));
        }
        return RecordSet.of(records);
    }

    private static double pagesPerSecond(IntFunction<String> page, int pages) throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (int k = 0; k < pages; k++) {
            HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(URI.create(page.apply(k))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length < 10) {
                throw new IllegalStateException(page.apply(k) + " answered " + response.statusCode());
            }
        }
        return pages / ((System.nanoTime() - start) / 1e9);
    }
}
