package dev.inlet.kafka.connect.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.inlet.core.Headers;
import dev.inlet.webhooks.verify.FailureReason;
import dev.inlet.webhooks.verify.VerificationResult;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * <b>Internal</b>: the HTTP side of the webhook source task. Each delivery is verified with Inlet's
 * {@link WebhookVerifier} (forgeries, stale and malformed signatures are refused with the scheme's
 * status and never queued), queued for {@code poll}, and answered only when its record is committed
 * (2xx) or not within the ack timeout (503 with {@code Retry-After}, so the vendor delivers it again).
 *
 * <p>Why not {@code WebhookServer}: its receiver answers 2xx once a delivery is queued, before any
 * handler runs, so it cannot hold the answer until a Kafka commit; this server holds one thread per
 * waiting delivery instead ({@code inlet.webhook.http.threads}).
 */
public final class WebhookHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookHttp.class);

    private final WebhookVerifier verifier;
    private final DeliveryAcks acks;
    private final BlockingQueue<PendingDelivery> queue;
    private final String path;
    private final String publicUrl;
    private final Duration ackTimeout;
    private final int retryAfterSeconds;
    private final Clock clock;
    private final HttpServer server;
    private final ThreadPoolExecutor threads;
    private volatile boolean stopping;

    /**
     * Binds the configured address and starts serving.
     *
     * @throws ConnectException if the address cannot be bound (say which, and what to change)
     */
    public WebhookHttp(WebhookConfig config, DeliveryAcks acks, BlockingQueue<PendingDelivery> queue, Clock clock) {
        this.verifier = config.verifier();
        this.acks = acks;
        this.queue = queue;
        this.path = config.getString(WebhookConfig.PATH);
        this.publicUrl = config.getString(WebhookConfig.PUBLIC_URL);
        this.ackTimeout = config.ackTimeout();
        this.retryAfterSeconds = config.getInt(WebhookConfig.RETRY_AFTER_S);
        this.clock = clock;
        int size = config.getInt(WebhookConfig.HTTP_THREADS);
        AtomicInteger count = new AtomicInteger();
        // Bounded: beyond it the JDK server closes the connection, which the vendor retries.
        this.threads = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(size),
                runnable -> {
                    Thread thread = new Thread(runnable, "inlet-webhook-connect-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        InetSocketAddress address = new InetSocketAddress(config.getString(WebhookConfig.HOST),
                config.getInt(WebhookConfig.PORT));
        try {
            server = HttpServer.create(address, 128);
        } catch (IOException e) {
            threads.shutdownNow();
            throw new ConnectException("The webhook task cannot listen on " + address + ": " + e.getMessage()
                    + "; free the port or set " + WebhookConfig.PORT + " to another");
        }
        server.setExecutor(threads);
        server.createContext("/", this::exchange);
        server.start();
        LOG.info("Webhook source task of '{}' listens on {} at {}", config.connectorName(), port(), path);
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            answer(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Webhook delivery not answered: {}", e.toString());
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (!path.equals(exchange.getRequestURI().getRawPath())) {
            reply(exchange, 404, "no webhook endpoint at " + exchange.getRequestURI().getRawPath());
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().add("Allow", "POST");
            reply(exchange, 405, "deliveries are POSTed");
            return;
        }
        if (stopping) {
            retryLater(exchange, "the task is stopping");
            return;
        }
        byte[] body = readBody(exchange.getRequestBody(), verifier.maxBodyBytes());
        if (body == null) {
            reply(exchange, 413, "the body is larger than " + verifier.maxBodyBytes() + " bytes");
            return;
        }
        WebhookRequest request = WebhookRequest.post(url(exchange), Headers.of(exchange.getRequestHeaders()), body);
        VerificationResult verified = verifier.verify(request);
        if (!verified.isValid()) {
            FailureReason reason = verified.reason().orElse(FailureReason.NO_MATCHING_SIGNATURE);
            LOG.debug("Refused a webhook delivery: {}", verified);
            reply(exchange, reason.httpStatus() < 300 ? 401 : reason.httpStatus(), reason.name());
            return;
        }
        String id = verifier.eventId(request).orElse(null);
        if (id != null && acks.isCommitted(id)) {
            reply(exchange, 200, "");
            return;
        }
        PendingDelivery delivery = new PendingDelivery(id, verifier.eventType(request).orElse(null), body,
                clock.instant());
        if (!queue.offer(delivery)) {
            retryLater(exchange, "too many deliveries wait for Kafka");
            return;
        }
        if (delivery.await(ackTimeout)) {
            reply(exchange, 200, "");
        } else {
            retryLater(exchange, "the delivery was not committed to Kafka in time");
        }
    }

    /** The body, or null when it is over the limit (read no further than one byte past it). */
    private static byte[] readBody(InputStream in, int max) throws IOException {
        byte[] body = in.readNBytes(max + 1);
        return body.length > max ? null : body;
    }

    private String url(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (!publicUrl.isEmpty()) {
            return query == null ? publicUrl : publicUrl + '?' + query;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            host = exchange.getLocalAddress().getHostString() + ':' + exchange.getLocalAddress().getPort();
        }
        return "http://" + host + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
    }

    private void retryLater(HttpExchange exchange, String why) throws IOException {
        exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
        reply(exchange, 503, why);
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops accepting (new deliveries get 503), answers every waiting delivery 503 and closes the port. */
    @Override
    public void close() {
        stopping = true;
        for (PendingDelivery waiting; (waiting = queue.poll()) != null; ) {
            waiting.failed();
        }
        acks.failAll();
        server.stop(1);
        threads.shutdownNow();
    }
}
