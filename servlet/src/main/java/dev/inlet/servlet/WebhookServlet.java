package dev.inlet.servlet;

import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.receiver.Acknowledgement;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookReceiver;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * A Jakarta Servlet 6 servlet for a {@link WebhookReceiver}. Map it to the endpoints' paths (or a
 * prefix holding them, such as {@code /hooks/*}); each request's path inside the application picks
 * the endpoint. Register it with async support: the body is then read with non-blocking I/O (a slow
 * sender holds no container thread) and a body not received within the read timeout gets 408;
 * without async support it is read on the request thread, like {@link ServletWebhookHandler}.
 *
 * <pre>{@code
 * WebhookServlet servlet = WebhookServlet.builder(receiver).build();
 * ServletHolder holder = new ServletHolder(servlet);     // Jetty 12 ee10
 * holder.setAsyncSupported(true);
 * context.addServlet(holder, "/hooks/*");
 * }</pre>
 *
 * <p>Per delivery the answer is the receiver's: 200 as soon as the event is accepted (the handler
 * runs afterwards on the receiver's workers), 200 for a duplicate, 400/401 for a failed
 * verification, 404 for an unknown path, 413 over the endpoint's {@code maxBodyBytes} (a larger
 * declared {@code Content-Length} is refused unread), 503 with {@code Retry-After} when the queue
 * is full. By default the servlet starts the receiver in {@link #init()} and closes it in
 * {@link #destroy()}.
 *
 * <p>With {@link Acknowledgement#AFTER_HANDLER} the answer waits for the handler: 200 once it is
 * done, 503 with {@code Retry-After} when it fails or passes the receiver's {@code handlerTimeout}.
 * With async support no container thread waits meanwhile (the receiver's
 * {@link WebhookReceiver#handleAsync} stage completes the async request); the servlet's async
 * timeout is set to {@code readTimeout + handlerTimeout} plus a grace, so the receiver's own 503 on
 * a handler timeout goes out before the container's. Without async support the request thread waits.
 */
public final class WebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The default read timeout: 10 s, as {@code WebhookServer}'s. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    private final transient ServletWebhookHandler handler;
    private final Duration readTimeout;
    private final boolean manageReceiver;

    private WebhookServlet(Builder b) {
        this.handler = ServletWebhookHandler.of(b.receiver);
        this.readTimeout = b.readTimeout;
        this.manageReceiver = b.manageReceiver;
    }

    /**
     * A builder serving {@code receiver}.
     *
     * @throws WebhookConfigException if {@code receiver} is null
     */
    public static Builder builder(WebhookReceiver receiver) {
        return new Builder(receiver);
    }

    /** Starts the receiver (recovering its inbox) unless told not to manage it or it already runs. */
    @Override
    public void init() {
        if (manageReceiver && !handler.receiver().isRunning()) {
            handler.receiver().start();
        }
    }

    /** Closes the receiver (drains its queue, closes its inbox) if this servlet manages it. */
    @Override
    public void destroy() {
        if (manageReceiver) {
            handler.receiver().close();
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.isAsyncSupported()) {
            handler.handle(request, response);
            return;
        }
        WebhookEndpoint endpoint = handler.endpointOrAnswer(request, response);
        if (endpoint != null) {
            AsyncBodyReader.start(handler, endpoint, request, readTimeout);
        }
    }

    @Override
    public String toString() {
        return "WebhookServlet[" + handler.receiver() + ", readTimeout=" + readTimeout + "]";
    }

    /** Builds a {@link WebhookServlet}; not thread-safe. */
    public static final class Builder {
        private final WebhookReceiver receiver;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private boolean manageReceiver = true;

        private Builder(WebhookReceiver receiver) {
            if (receiver == null) {
                throw new WebhookConfigException("WebhookServlet: receiver is null", "build one with WebhookReceiver.builder()");
            }
            this.receiver = receiver;
        }

        /** How long the whole body may take to arrive (async mode); default 10 s; then 408. */
        public Builder readTimeout(Duration readTimeout) {
            if (readTimeout == null || readTimeout.isZero() || readTimeout.isNegative()) {
                throw new WebhookConfigException("WebhookServlet: readTimeout must be positive, got " + readTimeout,
                        "use e.g. Duration.ofSeconds(10)");
            }
            this.readTimeout = readTimeout;
            return this;
        }

        /**
         * Whether the servlet starts the receiver in {@code init()} and closes it in {@code destroy()};
         * default true. Say false when the application manages the receiver's lifecycle itself.
         */
        public Builder manageReceiver(boolean manageReceiver) {
            this.manageReceiver = manageReceiver;
            return this;
        }

        /** The servlet. */
        public WebhookServlet build() {
            return new WebhookServlet(this);
        }
    }
}
