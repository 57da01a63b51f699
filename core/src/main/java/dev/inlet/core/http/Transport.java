package dev.inlet.core.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The last link of the pipeline: puts a request on the wire and returns the response with its body
 * still streaming. The default is {@link #sockets()} (HTTP/1.1 on blocking sockets, the body read on
 * the calling thread); {@link #jdk()} is the JDK's {@link HttpClient} (HTTP/2, proxies); tests and
 * benchmarks substitute their own.
 */
@FunctionalInterface
public interface Transport {

    /**
     * Sends the request.
     *
     * @param timeout how long to wait for the response headers
     * @throws IOException if no complete response head arrives (including timeouts)
     */
    Response send(Request request, Duration timeout) throws IOException;

    /**
     * Sends the request; the future completes with the response (body still streaming) once its head
     * arrived, or fails with the {@link IOException} {@link #send} would throw. The default calls
     * {@link #send} on the calling thread and returns a completed future; a transport that
     * {@linkplain #sendsAsynchronously() sends asynchronously} returns at once and holds no thread
     * while it waits. Never throws.
     *
     * @param timeout how long to wait for the response headers
     */
    default java.util.concurrent.CompletableFuture<Response> sendAsync(Request request, Duration timeout) {
        try {
            return java.util.concurrent.CompletableFuture.completedFuture(send(request, timeout));
        } catch (IOException | RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Whether {@link #sendAsync} waits for the response without holding a thread. False by default;
     * true for {@link #jdk()} (the JDK client's asynchronous API). {@link HttpPipeline#sendAsync} sends
     * without a thread per waiting request only over such a transport.
     */
    default boolean sendsAsynchronously() {
        return false;
    }

    /**
     * The JDK client, tuned for connectors: HTTP/1.1 (no HTTP/2 upgrade attempt on cleartext),
     * redirects not followed (the pipeline follows them itself, re-checking credentials per hop),
     * a 10-second connect timeout, and completion on the calling thread (no pool hand-off).
     */
    static Transport jdk() {
        return JdkTransport.DEFAULT;
    }

    /**
     * HTTP/1.1 on blocking sockets, the body read on the calling thread (see {@link SocketTransport}): a
     * shared instance with its defaults (10-second connect timeout, the JVM's default TLS context, 64 idle
     * connections per origin kept 30 seconds). Proxied requests go to {@link #jdk()}.
     */
    static Transport sockets() {
        return SocketTransport.DEFAULT;
    }

    /**
     * The JDK client tuned as {@link #jdk()}, with another connect timeout (how long to wait for the
     * TCP and TLS handshakes). A failed or timed-out connection is retried like any transport
     * failure. Each call builds a new client with its own connection pool: build one and share it.
     *
     * @throws IllegalArgumentException if the timeout is not positive
     */
    static Transport jdk(Duration connectTimeout) {
        java.util.Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive, was " + connectTimeout);
        }
        return JdkTransport.withConnectTimeout(connectTimeout);
    }

    /**
     * The JDK client the caller configured (proxies, TLS, HTTP/2). Configure it not to follow
     * redirects, or credentials may follow a redirect to another origin.
     */
    static Transport jdk(HttpClient client) {
        return new JdkTransport(client);
    }
}
