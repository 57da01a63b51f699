package dev.inlet.core.http;

import dev.inlet.core.Headers;
import dev.inlet.core.internal.Futures;
import dev.inlet.core.internal.WaitingThreads;
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
import java.util.concurrent.CompletableFuture;

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
        Instant sentAt = Instant.now();
        long start = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = client.send(toJdk(request, timeout), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for "
                    + request.redactedUri());
            interrupted.initCause(e);
            throw interrupted;
        }
        return fromJdk(request, response, sentAt, start);
    }

    /**
     * The JDK client's {@code sendAsync}: no thread waits for the response. The client completes its
     * future on its selector thread (this transport's executor runs tasks in place), so the response is
     * handed to the shared waiting executor at once: whatever the pipeline does next, reading the body
     * included, must not run on the thread that delivers every connection's bytes.
     */
    @Override
    public CompletableFuture<Response> sendAsync(Request request, Duration timeout) {
        Instant sentAt = Instant.now();
        long start = System.nanoTime();
        HttpRequest jdkRequest;
        try {
            jdkRequest = toJdk(request, timeout);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<HttpResponse<InputStream>> sent =
                client.sendAsync(jdkRequest, HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<Response> response = new CompletableFuture<>();
        // Completed on the waiting executor, never on the client's selector thread. As send throws: an
        // IOException for a failed exchange, anything else (a header the client refuses) as it is.
        sent.whenCompleteAsync((r, failure) -> {
            if (failure != null) {
                response.completeExceptionally(Futures.cause(failure));
            } else {
                Response arrived = fromJdk(request, r, sentAt, start);
                if (!response.complete(arrived)) {
                    arrived.close(); // the caller cancelled while it was on its way: give the connection back
                }
            }
        }, WaitingThreads.shared());
        // Cancelling the caller's future aborts the exchange.
        response.whenComplete((r, failure) -> {
            if (response.isCancelled()) {
                sent.cancel(true);
            }
        });
        return response;
    }

    @Override
    public boolean sendsAsynchronously() {
        return true;
    }

    private static HttpRequest toJdk(Request request, Duration timeout) {
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
        return builder.build();
    }

    private static Response fromJdk(Request request, HttpResponse<InputStream> response, Instant sentAt, long start) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Response(request, response.statusCode(), Headers.of(response.headers().map()), response.body(),
                sentAt, elapsed);
    }
}
