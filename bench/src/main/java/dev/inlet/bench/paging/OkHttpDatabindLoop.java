package dev.inlet.bench.paging;

import dev.inlet.bench.data.Rec;
import java.io.IOException;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.json.JsonMapper;

/**
 * Baseline (b), what many users write: OkHttp with its defaults and Jackson databind reading each
 * page whole into a {@code List<Rec>}.
 */
public final class OkHttpDatabindLoop implements PagingClient {

    /** One page as databind sees it. */
    record RecPage(List<Rec> data, boolean has_more, String next_cursor) {
    }

    private final OkHttpClient client = new OkHttpClient();
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Override
    public void readAll(String baseUrl, int perPage, Tally tally) throws IOException {
        String first = baseUrl + "/records?limit=" + perPage;
        String cursor = null;
        do {
            String url = cursor == null ? first : first + "&cursor=" + cursor;
            try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
                if (response.code() != 200) {
                    throw new IOException("HTTP " + response.code() + " from " + url);
                }
                RecPage page = mapper.readValue(response.body().byteStream(), RecPage.class);
                for (Rec rec : page.data()) {
                    tally.add(rec);
                }
                cursor = page.next_cursor();
            }
        } while (cursor != null);
    }

    /** Releases OkHttp's threads so a child JVM can exit promptly. */
    public void shutdown() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
