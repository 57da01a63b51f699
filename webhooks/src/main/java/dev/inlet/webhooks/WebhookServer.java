package dev.inlet.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.inlet.core.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded HTTP server for a {@link WebhookReceiver}, on the JDK's
 * {@code com.sun.net.httpserver.HttpServer} (no extra dependency). Each endpoint path becomes a
 * context. The body is read raw, up to the endpoint's limit (a larger {@code Content-Length} is
 * answered 413 without reading), within the read timeout.
 *
 * <pre>{@code
 * WebhookServer server = WebhookServer.builder(receiver).port(8080).build();
 * server.start();            // also starts the receiver
 * ...
 * server.close();            // stops accepting, drains the receiver, closes the inbox
 * }</pre>
 *
 * <p>Thread-safe. Serve it behind a TLS-terminating proxy: this server speaks plain HTTP.
 */
public final class WebhookServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);

    private final WebhookReceiver receiver;
    private final InetSocketAddress address;
    private final int ioThreads;
    private final Duration readTimeout;
    private final Duration stopGrace;
    private final int backlog;
    private HttpServer server;
    private ExecutorService io;
    private ScheduledThreadPoolExecutor watchdog;

    private WebhookServer(Builder b) {
        this.receiver = b.receiver;
        this.address = new InetSocketAddress(b.host, b.port);
        this.ioThreads = b.ioThreads;
        this.readTimeout = b.readTimeout;
        this.stopGrace = b.stopGrace;
        this.backlog = b.backlog;
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
        if (server != null) {
            throw new WebhookConfigException("WebhookServer is already started", "start it once");
        }
        HttpServer http;
        try {
            http = HttpServer.create(address, backlog);
        } catch (IOException e) {
            throw new WebhookConfigException("WebhookServer could not bind " + address + ": " + e.getMessage(),
                    "pick a free port, or 0 for an ephemeral one", e);
        }
        io = Executors.newFixedThreadPool(ioThreads, Dispatcher.daemonThreads("inlet-webhook-http-"));
        watchdog = new ScheduledThreadPoolExecutor(1, Dispatcher.daemonThreads("inlet-webhook-timeout-"));
        watchdog.setRemoveOnCancelPolicy(true);
        watchdog.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
        http.setExecutor(io);
        for (WebhookEndpoint endpoint : receiver.endpoints().values()) {
            http.createContext(endpoint.path(), exchange -> serve(endpoint, exchange));
        }
        receiver.start();
        http.start();
        server = http;
        LOG.info("Webhook server listening on {} for {}", http.getAddress(), receiver.endpoints().keySet());
    }

    /** The bound port (useful with port 0). */
    public synchronized int port() {
        if (server == null) {
            throw new WebhookConfigException("WebhookServer.port: not started", "call start() first");
        }
        return server.getAddress().getPort();
    }

    private void serve(WebhookEndpoint endpoint, HttpExchange exchange) {
        // Closing the response stream completes the exchange. Note the JDK then drains what is left of
        // the request body (up to sun.net.httpserver.drainAmount) before it closes the connection, so
        // a 413 sent for an oversized Content-Length still waits for that body; see the README.
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (!endpoint.path().equals(path)) {
                // HttpServer matches contexts by prefix; endpoints are exact paths.
                respond(exchange, WebhookResponse.of(404, "no webhook endpoint at " + path));
                return;
            }
            int max = endpoint.verifier().maxBodyBytes();
            long declared = contentLength(exchange);
            if (declared > max) {
                respond(exchange, WebhookResponse.tooLarge((int) Math.min(declared, Integer.MAX_VALUE), max));
                return;
            }
            byte[] body = readBody(exchange, declared, max);
            if (body == null) {
                return;
            }
            if (body.length > max) {
                respond(exchange, WebhookResponse.tooLarge(-1, max));
                return;
            }
            WebhookRequest request = WebhookRequest.owning(exchange.getRequestMethod(), url(endpoint, exchange),
                    Headers.of(exchange.getRequestHeaders()), body);
            respond(exchange, receiver.handle(endpoint.path(), request));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Webhook exchange on {} failed", endpoint.path(), e);
            exchange.close();
        }
    }

    private static long contentLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        long parsed = SignatureScheme.parseDecimal(value == null ? null : value.trim());
        return parsed;
    }

    /** Body reads in progress and when each must end (System.nanoTime); swept once a second. */
    private final ConcurrentHashMap<HttpExchange, Long> reading = new ConcurrentHashMap<>();

    private void sweep() {
        long now = System.nanoTime();
        reading.forEach((exchange, deadline) -> {
            if (now - deadline >= 0 && reading.remove(exchange, deadline)) {
                exchange.close();
            }
        });
    }

    /** The body, at most {@code max + 1} bytes; null if the read timed out (the connection is closed). */
    private byte[] readBody(HttpExchange exchange, long declared, int max) throws IOException {
        // The JDK server has no per-request read timeout; closing the exchange unblocks a read stuck on
        // a silent sender. A task per request woke the watchdog thread every time (measured); instead the
        // read is registered with its deadline and a sweep every second closes exchanges past theirs.
        Long deadline = System.nanoTime() + readTimeout.toNanos();
        reading.put(exchange, deadline);
        try {
            InputStream in = exchange.getRequestBody();
            byte[] body;
            if (declared >= 0) {
                body = in.readNBytes((int) declared);
                if (body.length < declared) {
                    throw new IOException("body ended after " + body.length + " of " + declared + " bytes");
                }
            } else {
                body = readChunked(in, max);
            }
            return reading.remove(exchange, deadline) ? body : null;
        } catch (IOException e) {
            if (!reading.containsKey(exchange)) {
                LOG.debug("Webhook body read timed out after {}", readTimeout);
                return null;
            }
            throw e;
        } finally {
            reading.remove(exchange, deadline);
        }
    }

    private static byte[] readChunked(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > max) {
                return Arrays.copyOf(out.toByteArray(), max + 1);
            }
        }
        return out.toByteArray();
    }

    private static String url(WebhookEndpoint endpoint, HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (endpoint.publicUrl().isPresent()) {
            String base = endpoint.publicUrl().get().toString();
            return query == null ? base : base + '?' + query;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            host = exchange.getLocalAddress().getHostString() + ':' + exchange.getLocalAddress().getPort();
        }
        return "http://" + host + exchange.getRequestURI().getRawPath() + (query == null ? "" : '?' + query);
    }

    private static void respond(HttpExchange exchange, WebhookResponse response) throws IOException {
        // A 2xx carries no body: headers alone go out in one write, which avoids the Nagle /
        // delayed-ACK stall of a second small write on a kept-alive connection.
        byte[] body = response.isSuccess() ? new byte[0] : response.bodyBytes();
        if (body.length > 0) {
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        } else {
            response.headers().forEach((name, value) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    exchange.getResponseHeaders().add(name, value);
                }
            });
        }
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Graceful shutdown: stops accepting connections, waits up to the stop grace for exchanges in
     * progress, then closes the receiver (draining its queue and closing its inbox). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (server == null) {
            receiver.close();
            return;
        }
        server.stop((int) Math.max(0, stopGrace.toSeconds()));
        receiver.close();
        io.shutdown();
        watchdog.shutdownNow();
        server = null;
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

        /** Threads reading requests and verifying them; default 8. */
        public Builder ioThreads(int ioThreads) {
            if (ioThreads <= 0) {
                throw new WebhookConfigException("WebhookServer: ioThreads must be positive", "use e.g. 8");
            }
            this.ioThreads = ioThreads;
            return this;
        }

        /** How long reading one request body may take; default 10 s. */
        public Builder readTimeout(Duration readTimeout) {
            if (readTimeout == null || readTimeout.isZero() || readTimeout.isNegative()) {
                throw new WebhookConfigException("WebhookServer: readTimeout must be positive", "use e.g. 10 s");
            }
            this.readTimeout = readTimeout;
            return this;
        }

        /** How long {@link WebhookServer#close()} lets exchanges in progress finish; default 1 s (whole seconds). */
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
