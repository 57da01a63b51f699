package dev.inlet.bench.memory;

import dev.inlet.bench.data.Rec;
import dev.inlet.bench.harness.Fork;
import dev.inlet.bench.paging.Tally;
import dev.inlet.bench.server.HugeArray;
import dev.inlet.bench.server.LoopbackServer;
import dev.inlet.core.Connector;
import dev.inlet.rest.RestConnector;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One forked JVM of the memory benchmark (run it with {@code -Xmx64m}): one response of many records
 * read by one client, with the heap and RSS watched. Reports the outcome; an
 * {@link OutOfMemoryError} is caught, reported ({@code outcome=OutOfMemoryError}) and ends the JVM
 * with exit code 3.
 *
 * <p>Arguments: {@code client records}, the client one of {@code inlet}, {@code jdk-streaming},
 * {@code okhttp-databind}.
 */
public final class MemoryChild {

    private MemoryChild() {
    }

    /** One page as databind sees it: the whole array in a list. */
    record HugePage(String object, List<Rec> data, boolean has_more) {
    }

    /** Entry point of the child JVM. */
    public static void main(String[] args) throws Exception {
        Map<String, Object> result = measure(args[0], Long.parseLong(args[1]));
        System.out.println(Fork.resultLine(result));
        System.out.flush();
        System.exit((Integer) result.get("exit"));
    }

    /** Reads the body with the client in this JVM; {@code exit} in the result is 0, 2 (wrong count) or 3 (OOM). */
    public static Map<String, Object> measure(String client, long records) throws Exception {
        HugeArray api = new HugeArray(records);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("client", client);
        result.put("maxHeap", Runtime.getRuntime().maxMemory());
        result.put("bodyBytes", api.bodyBytes());
        Tally tally = new Tally();
        int exit = 0;
        long start = System.nanoTime();
        try (LoopbackServer server = LoopbackServer.start(api); PeakMemory peak = PeakMemory.start()) {
            try {
                read(client, server.baseUrl() + "/huge", tally);
                boolean exact = tally.count() == api.expectedCount() && tally.sum() == api.expectedSum();
                result.put("outcome", exact ? "ok" : "WRONG_COUNT");
                exit = exact ? 0 : 2;
            } catch (OutOfMemoryError e) {
                result.put("outcome", "OutOfMemoryError");
                result.put("message", e.getMessage());
                exit = 3;
            }
            result.put("records", tally.count());
            result.put("seconds", String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
            result.put("sampledHeapPeak", peak.sampledHeapPeak());
            result.put("liveHeapPeak", peak.liveHeapPeak());
            result.put("rssPeak", PeakMemory.rssPeak());
        }
        result.put("exit", exit);
        return result;
    }

    private static void read(String client, String url, Tally tally) throws Exception {
        switch (client) {
            case "inlet" -> {
                Connector<JsonNode> connector = RestConnector.builder("huge").baseUrl(url.substring(0,
                        url.indexOf("/huge"))).path("/huge").records("/data").build();
                try (Stream<JsonNode> stream = connector.records()) {
                    stream.forEach(tally::add);
                }
            }
            case "jdk-streaming" -> jdkStreaming(url, tally);
            case "okhttp-databind" -> {
                OkHttpClient okhttp = new OkHttpClient();
                try (Response response = okhttp.newCall(new Request.Builder().url(url).build()).execute()) {
                    HugePage page = JsonMapper.builder().build().readValue(response.body().byteStream(), HugePage.class);
                    page.data().forEach(tally::add);
                } finally {
                    okhttp.dispatcher().executorService().shutdown();
                }
            }
            default -> throw new IllegalArgumentException("unknown client " + client);
        }
    }

    /** The streaming JDK loop of the paging benchmark, for one response. */
    private static void jdkStreaming(String url, Tally tally) throws IOException, InterruptedException {
        JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body(); JsonParser parser = mapper.createParser(in)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("data") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        tally.add((JsonNode) mapper.readTree(parser));
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
    }
}
