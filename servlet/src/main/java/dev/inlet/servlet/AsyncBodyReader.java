package dev.inlet.servlet;

import dev.inlet.webhooks.receiver.Acknowledgement;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookReceiver;
import dev.inlet.webhooks.receiver.WebhookResponse;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery in async mode, start to answer, holding no container thread while it waits. The
 * body is read with Servlet non-blocking I/O (the container calls back as bytes arrive, so a slow
 * sender holds no thread), up to the endpoint's limit (413), within the read timeout (408). The
 * receiver's answer is then taken as a stage ({@link WebhookReceiver#handleAsync}): with
 * {@link Acknowledgement#AFTER_HANDLER} it completes when the handler is done, and the answer is
 * written on a container thread ({@link AsyncContext#start}) only then. Exactly one answer is
 * written, whichever callback comes first.
 *
 * <p>Deadlines: the read timeout is this reader's own timer (the JDK's shared delayer, cancelled
 * once the body is in), because a Servlet {@code AsyncContext} timeout cannot be changed once the
 * request's first dispatch has returned. The {@code AsyncContext} timeout is only a backstop:
 * read timeout + the receiver's handler timeout (with {@code AFTER_HANDLER}) + {@link #WRITE_GRACE}.
 * The receiver decides every answer within its handler timeout (its own 503 on timeout), so that
 * answer is written before the container's timeout; should the backstop fire anyway, the answer is
 * 503 with {@code Retry-After}, never the container's 500.
 */
final class AsyncBodyReader implements ReadListener, AsyncListener {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncBodyReader.class);

    /** The container's timeout past the receiver's deadlines: time to write an answer once decided. */
    static final Duration WRITE_GRACE = Duration.ofSeconds(5);

    private final ServletWebhookHandler handler;
    private final WebhookEndpoint endpoint;
    private final AsyncContext context;
    private final ServletInputStream in;
    private final Duration readTimeout;
    private final ByteArrayOutputStream body;
    private final byte[] buffer = new byte[8192];
    private final AtomicBoolean answered = new AtomicBoolean();
    /** TRUE when the read timeout fired first, FALSE once the body is in or the exchange ended. */
    private final CompletableFuture<Boolean> readDeadline = new CompletableFuture<>();

    private AsyncBodyReader(ServletWebhookHandler handler, WebhookEndpoint endpoint, AsyncContext context,
            ServletInputStream in, Duration readTimeout, int expected) {
        this.handler = handler;
        this.endpoint = endpoint;
        this.context = context;
        this.in = in;
        this.readTimeout = readTimeout;
        this.body = new ByteArrayOutputStream(Math.max(0, Math.min(expected, endpoint.verifier().maxBodyBytes())));
    }

    /** Starts async processing of {@code request} and registers the reader. */
    static void start(ServletWebhookHandler handler, WebhookEndpoint endpoint, HttpServletRequest request,
            Duration readTimeout) throws IOException {
        AsyncContext context = request.startAsync();
        context.setTimeout(containerTimeout(handler.receiver(), readTimeout).toMillis());
        AsyncBodyReader reader = new AsyncBodyReader(handler, endpoint, context, request.getInputStream(), readTimeout,
                (int) Math.min(Integer.MAX_VALUE, Math.max(0, request.getContentLengthLong())));
        context.addListener(reader);
        // completeOnTimeout cancels its delayed task when the future completes first, so a fast
        // delivery leaves no timer (and no reference to its body) behind.
        reader.readDeadline.completeOnTimeout(Boolean.TRUE, readTimeout.toNanos(), TimeUnit.NANOSECONDS);
        reader.readDeadline.thenAccept(timedOut -> {
            if (timedOut) {
                reader.bodyTimedOut();
            }
        });
        reader.in.setReadListener(reader);
    }

    /** The backstop {@code AsyncContext} timeout: every deadline of the receiver's, plus {@link #WRITE_GRACE}. */
    static Duration containerTimeout(WebhookReceiver receiver, Duration readTimeout) {
        Duration timeout = readTimeout.plus(WRITE_GRACE);
        return receiver.acknowledgement() == Acknowledgement.AFTER_HANDLER ? timeout.plus(receiver.handlerTimeout())
                : timeout;
    }

    @Override
    public void onDataAvailable() throws IOException {
        int max = endpoint.verifier().maxBodyBytes();
        while (!answered.get() && in.isReady()) {
            int n = in.read(buffer);
            if (n < 0) {
                return;
            }
            body.write(buffer, 0, n);
            if (body.size() > max) {
                finish(WebhookResponse.tooLarge(-1, max));
                return;
            }
        }
    }

    @Override
    public void onAllDataRead() throws IOException {
        if (answered.get() || !readDeadline.complete(Boolean.FALSE)) {
            return;                                  // answered already, or the 408 is on its way
        }
        HttpServletRequest request = (HttpServletRequest) context.getRequest();
        CompletableFuture<WebhookResponse> answer = handler.answerAsync(request, endpoint, body.toByteArray())
                .toCompletableFuture();
        if (answer.isDone()) {
            finish(answer.join());                   // ON_RECEIPT, or refused: on this container thread
            return;
        }
        // AFTER_HANDLER: this thread returns to the container now; the answer is written when decided.
        answer.whenComplete((response, failure) -> onContainerThread(() -> {
            if (response != null) {
                finish(response);
            } else {
                LOG.error("The receiver failed to answer a webhook for {}", endpoint.path(), failure);
                unavailable("the receiver failed to answer; deliver again later");
            }
        }));
    }

    @Override
    public void onError(Throwable failure) {
        LOG.debug("Reading or answering a webhook for {} failed", endpoint.path(), failure);
        readDeadline.complete(Boolean.FALSE);
        if (answered.compareAndSet(false, true)) {
            context.complete();
        }
    }

    /** The container's backstop timeout (see the class comment); normally the answer came first. */
    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
        boolean reading = readDeadline.complete(Boolean.FALSE) || readDeadline.join();
        if (reading) {
            timedOut();
        } else {
            unavailable("no answer within the servlet's async timeout of " + context.getTimeout() + " ms");
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        readDeadline.complete(Boolean.FALSE);
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }

    /** The read timer fired before the whole body arrived (on the JDK's delayer thread). */
    private void bodyTimedOut() {
        onContainerThread(this::timedOut);
    }

    private void timedOut() throws IOException {
        answer(() -> ServletExchange.writePlain((HttpServletResponse) context.getResponse(), 408,
                "REQUEST_TIMEOUT: the body did not arrive within " + readTimeout));
    }

    private void finish(WebhookResponse response) throws IOException {
        answer(() -> {
            if (response.status() == 413) {
                ((HttpServletResponse) context.getResponse()).setHeader("Connection", "close");
            }
            ServletExchange.write((HttpServletResponse) context.getResponse(), response);
        });
    }

    /** 503 with the receiver's {@code Retry-After}, for an answer the receiver did not give. */
    private void unavailable(String why) throws IOException {
        answer(() -> ServletExchange.writeRetryLater((HttpServletResponse) context.getResponse(),
                handler.receiver().retryAfter(), "SERVICE_UNAVAILABLE: " + why));
    }

    /** Writes the one answer (unless another came first) and ends the exchange. */
    private void answer(Step write) throws IOException {
        readDeadline.complete(Boolean.FALSE);
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        try {
            write.run();
        } finally {
            context.complete();
        }
    }

    /** An I/O step that may throw. */
    private interface Step {
        void run() throws IOException;
    }

    /**
     * Runs {@code step} on a container thread, not on the thread that completed a stage or a timer
     * (a handler's executor, the JDK's delayer), which must not do the container's I/O.
     */
    private void onContainerThread(Step step) {
        try {
            context.start(() -> {
                try {
                    step.run();
                } catch (IOException | UncheckedIOException | IllegalStateException gone) {
                    LOG.debug("Could not answer a webhook for {}: the exchange ended", endpoint.path(), gone);
                }
            });
        } catch (IllegalStateException completed) {
            // The container ended the exchange (the client went away): nobody is left to answer.
            LOG.debug("Webhook exchange for {} ended before its answer", endpoint.path(), completed);
        }
    }
}
