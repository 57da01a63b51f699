package dev.inlet.core.http;

import dev.inlet.core.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** {@link Transport} over {@link java.net.http.HttpClient}, streaming the body as an InputStream. */
final class JdkTransport implements Transport {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final JdkTransport DEFAULT = withConnectTimeout(DEFAULT_CONNECT_TIMEOUT);

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;

    JdkTransport(HttpClient client) {
        this.client = client;
    }

    /** Inlet's tuned client (see {@link Transport#jdk()}) with this connect timeout. */
    static JdkTransport withConnectTimeout(Duration connectTimeout) {
        return new JdkTransport(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(Runnable::run)
                .build());
    }

    @Override
    public Response send(Request request, Duration timeout) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(timeout);
        byte[] body = request.rawBody();
        builder.method(request.method(), body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        Instant sentAt = Instant.now();
        long start = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for "
                    + request.redactedUri());
            interrupted.initCause(e);
            throw interrupted;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Response(request, response.statusCode(), Headers.of(response.headers().map()), response.body(),
                sentAt, elapsed);
    }
}
