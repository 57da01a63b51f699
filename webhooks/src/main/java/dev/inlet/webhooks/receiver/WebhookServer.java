package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.verify.internal.RequestBodies;
import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.internal.ConnectionLimits;
import dev.inlet.webhooks.internal.HttpLoop;
import dev.inlet.webhooks.internal.HttpReply;
import dev.inlet.webhooks.internal.ParsedRequest;
import dev.inlet.core.Headers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded HTTP/1.1 server for a {@link WebhookReceiver}, with no dependency beyond the JDK: one
 * selector thread reads requests without blocking and a small pool of threads verifies and accepts
 * complete ones. Each endpoint is an exact path.
 *
 * <pre>{@code
 * WebhookServer server = WebhookServer.builder(receiver).port(8080).build();
 * server.start();            // also starts the receiver
 * ...
 * server.close();            // stops accepting, drains the receiver, closes the inbox
 * }</pre>
 *
 * <p>Slow or hostile clients cost a connection slot, never a thread: the request head must arrive
 * within {@link Builder#headerTimeout(Duration)}, the body within {@link Builder#readTimeout(Duration)}
 * and, after its first second, at {@link Builder#minBodyBytesPerSecond(int)} at least; connections
 * are limited in all ({@link Builder#maxConnections(int)}) and per remote address
 * ({@link Builder#maxConnectionsPerAddress(int)}). A body larger than the endpoint's limit is answered
 * 413 as soon as its {@code Content-Length} is read, without waiting for it.
 *
 * <p>With {@link Acknowledgement#AFTER_HANDLER} (set on the receiver) a delivery's answer waits for
 * its handler, and the wait holds no thread: the connection stays parked on the selector until the
 * handler's stage completes (or the receiver's handler timeout passes), so thousands of deliveries
 * may wait on the few {@link Builder#ioThreads(int)} workers.
 *
 * <p>Thread-safe. Serve it behind a TLS-terminating proxy: this server speaks plain HTTP.
 */
public final class WebhookServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);

    private final WebhookReceiver receiver;
    private final InetSocketAddress address;
    private final int ioThreads;
    private final Duration stopGrace;
    private final int backlog;
    private final ConnectionLimits limits;
    private HttpLoop loop;
    private ThreadPoolExecutor workers;

    private WebhookServer(Builder b) {
        this.receiver = b.receiver;
        this.address = new InetSocketAddress(b.host, b.port);
        this.ioThreads = b.ioThreads;
        this.stopGrace = b.stopGrace;
        this.backlog = b.backlog;
        this.limits = new ConnectionLimits(b.maxConnections, b.maxConnectionsPerAddress, b.headerTimeout,
                b.readTimeout, b.minBodyBytesPerSecond, b.maxHeaderBytes);
    }

    /** A builder serving {@code receiver}. */
    public static Builder builder(WebhookReceiver receiver) {
        return new Builder(receiver);
    }

    /**
     * Binds the port, starts the receiver (recovering its inbox) and starts serving.
     *
     * @throws WebhookConfigException if already started or the address cannot be bound
     */
    public synchronized void start() {
        if (loop != null) {
            throw new WebhookConfigException("WebhookServer is already started", "start it once");
        }
        // Bounded: complete requests beyond it are answered 503 with Retry-After by the loop.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(ioThreads, ioThreads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(64, limits.maxConnections())),
                Dispatcher.daemonThreads("inlet-webhook-http-"));
        receiver.start();
        try {
            loop = new HttpLoop(address, backlog, limits, pool, new Exchange(), "inlet-webhook-io");
        } catch (IOException e) {
            pool.shutdownNow();
            receiver.close();
            throw new WebhookConfigException("WebhookServer could not bind " + address + ": " + e.getMessage(),
                    "pick a free port, or 0 for an ephemeral one", e);
        }
        workers = pool;
        LOG.info("Webhook server listening on {} for {}", boundAddress(), receiver.endpoints().keySet());
    }

    private InetSocketAddress boundAddress() {
        try {
            return loop.address();
        } catch (IOException e) {
            return address;
        }
    }

    /** The bound port (useful with port 0). */
    public synchronized int port() {
        if (loop == null) {
            throw new WebhookConfigException("WebhookServer.port: not started", "call start() first");
        }
        return boundAddress().getPort();
    }

    /** Endpoint lookup on the selector thread, verification and acceptance on a worker. */
    private final class Exchange implements HttpLoop.Exchange {
        @Override
        public int maxBody(String method, String path) {
            WebhookEndpoint endpoint = receiver.endpoints().get(path);
            return endpoint == null ? -1 : endpoint.verifier().maxBodyBytes();
        }

        @Override
        public CompletionStage<HttpReply> handle(ParsedRequest request) {
            WebhookEndpoint endpoint = receiver.endpoints().get(request.path());
            WebhookRequest webhook = RequestBodies.access().owning(request.method(), url(endpoint, request),
                    request.headers(), request.body());
            return receiver.handleAsync(endpoint.path(), webhook).thenApply(WebhookServer::reply);
        }
    }

    private static HttpReply reply(WebhookResponse response) {
        // A 2xx carries no body, so the answer is one small write.
        byte[] body = response.isSuccess() ? new byte[0] : response.bodyBytes();
        Headers.Builder headers = Headers.builder();
        response.headers().forEach((name, value) -> {
            if (body.length > 0 || !name.equalsIgnoreCase("Content-Type")) {
                headers.add(name, value);
            }
        });
        return new HttpReply(response.status(), headers.build(), body);
    }

    private static String url(WebhookEndpoint endpoint, ParsedRequest request) {
        String query = request.query();
        if (endpoint.publicUrl().isPresent()) {
            String base = endpoint.publicUrl().get().toString();
            return query == null ? base : base + '?' + query;
        }
        String host = request.headers().first("Host").orElse(null);
        if (host == null) {
            host = request.localAddress().getHostString() + ':' + request.localAddress().getPort();
        }
        return "http://" + host + request.target();
    }

    /**
     * Graceful shutdown: stops accepting connections, waits up to the stop grace for requests being
     * handled, then closes the receiver (draining its queue and closing its inbox). With
     * {@link Acknowledgement#AFTER_HANDLER}, deliveries still waiting for their handler are first
     * answered 503 with {@code Retry-After}, so their senders deliver them again. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (loop == null) {
            receiver.close();
            return;
        }
        receiver.stopAnswering();
        loop.close(stopGrace);
        receiver.close();
        workers.shutdown();
        loop = null;
    }

    @Override
    public String toString() {
        return "WebhookServer[" + address + ", " + receiver + "]";
    }

    /** Builds a {@link WebhookServer}; not thread-safe. */
    public static final class Builder {
        private final WebhookReceiver receiver;
        private String host = "0.0.0.0";
        private int port = 8080;
        private int ioThreads = 8;
        private Duration readTimeout = Duration.ofSeconds(10);
        private Duration headerTimeout = Duration.ofSeconds(5);
        private int minBodyBytesPerSecond = 1024;
        private int maxConnections = 1024;
        private int maxConnectionsPerAddress = 128;
        private int maxHeaderBytes = 16 * 1024;
        private Duration stopGrace = Duration.ofSeconds(1);
        private int backlog = 256;

        private Builder(WebhookReceiver receiver) {
            if (receiver == null) {
                throw new WebhookConfigException("WebhookServer: receiver is null", "build one with WebhookReceiver.builder()");
            }
            this.receiver = receiver;
        }

        /** The address to bind; default {@code 0.0.0.0} (all interfaces). */
        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw new WebhookConfigException("WebhookServer: host is blank", "use e.g. \"127.0.0.1\"");
            }
            this.host = host;
            return this;
        }

        /** The port; default 8080; 0 picks a free one (see {@link WebhookServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new WebhookConfigException("WebhookServer: port " + port + " is out of range", "use 0..65535");
            }
            this.port = port;
            return this;
        }

        /**
         * Threads verifying complete requests and accepting them (reading is done by one selector
         * thread, so slow clients never hold these); default 8.
         */
        public Builder ioThreads(int ioThreads) {
            if (ioThreads <= 0) {
                throw new WebhookConfigException("WebhookServer: ioThreads must be positive", "use e.g. 8");
            }
            this.ioThreads = ioThreads;
            return this;
        }

        /**
         * How long reading one request body may take, from the end of its head; default 10 s. See
         * also {@link #minBodyBytesPerSecond(int)}.
         */
        public Builder readTimeout(Duration readTimeout) {
            if (readTimeout == null || readTimeout.isZero() || readTimeout.isNegative()) {
                throw new WebhookConfigException("WebhookServer: readTimeout must be positive", "use e.g. 10 s");
            }
            this.readTimeout = readTimeout;
            return this;
        }

        /**
         * How long the request head (request line and headers) may take to arrive, counted from the
         * connection's accept or the end of the previous response on a kept-alive connection (so it
         * is also the idle keep-alive time, and the time a client has to read a response); default
         * 5 s. A connection past it is closed.
         */
        public Builder headerTimeout(Duration headerTimeout) {
            if (headerTimeout == null || headerTimeout.isZero() || headerTimeout.isNegative()) {
                throw new WebhookConfigException("WebhookServer: headerTimeout must be positive", "use e.g. 5 s");
            }
            this.headerTimeout = headerTimeout;
            return this;
        }

        /**
         * The slowest average rate a body may arrive at, after its first second; default 1024 bytes
         * per second. A body trickled more slowly is cut before {@link #readTimeout(Duration)}.
         */
        public Builder minBodyBytesPerSecond(int bytesPerSecond) {
            if (bytesPerSecond < 0) {
                throw new WebhookConfigException("WebhookServer: minBodyBytesPerSecond must not be negative",
                        "use e.g. 1024, or 0 for no minimum rate");
            }
            this.minBodyBytesPerSecond = bytesPerSecond;
            return this;
        }

        /** Open connections in all; beyond it new ones get 503 and are closed; default 1024. */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections <= 0) {
                throw new WebhookConfigException("WebhookServer: maxConnections must be positive", "use e.g. 1024");
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * Open connections from one remote IP address; beyond it new ones get 503 and are closed;
         * default 128. Behind a proxy every connection comes from the proxy: raise it (or rely on the
         * proxy's own limits).
         */
        public Builder maxConnectionsPerAddress(int maxConnectionsPerAddress) {
            if (maxConnectionsPerAddress <= 0) {
                throw new WebhookConfigException("WebhookServer: maxConnectionsPerAddress must be positive",
                        "use e.g. 128");
            }
            this.maxConnectionsPerAddress = maxConnectionsPerAddress;
            return this;
        }

        /** The largest request head (request line and headers), in bytes; larger gets 431; default 16 KiB. */
        public Builder maxHeaderBytes(int maxHeaderBytes) {
            if (maxHeaderBytes < 1024) {
                throw new WebhookConfigException("WebhookServer: maxHeaderBytes must be at least 1024", "use e.g. 16384");
            }
            this.maxHeaderBytes = maxHeaderBytes;
            return this;
        }

        /** How long {@link WebhookServer#close()} lets requests being handled finish; default 1 s. */
        public Builder stopGrace(Duration stopGrace) {
            if (stopGrace == null || stopGrace.isNegative()) {
                throw new WebhookConfigException("WebhookServer: stopGrace must not be negative", "use e.g. 1 s");
            }
            this.stopGrace = stopGrace;
            return this;
        }

        /** The TCP accept backlog; default 256. */
        public Builder backlog(int backlog) {
            this.backlog = Math.max(1, backlog);
            return this;
        }

        /** The server, not yet started. */
        public WebhookServer build() {
            return new WebhookServer(this);
        }
    }
}
