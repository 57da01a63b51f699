package dev.inlet.servlet;

import dev.inlet.webhooks.receiver.WebhookEndpoint;
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
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one body with Servlet non-blocking I/O: the container calls back as bytes arrive, so a slow
 * sender holds no thread. Stops at the endpoint's limit (413), answers 408 when the whole body has
 * not arrived within the read timeout, and otherwise hands the body to the receiver. Exactly one
 * answer is written, whichever callback comes first.
 */
final class AsyncBodyReader implements ReadListener, AsyncListener {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncBodyReader.class);

    private final ServletWebhookHandler handler;
    private final WebhookEndpoint endpoint;
    private final AsyncContext context;
    private final ServletInputStream in;
    private final Duration readTimeout;
    private final ByteArrayOutputStream body;
    private final byte[] buffer = new byte[8192];
    private final AtomicBoolean answered = new AtomicBoolean();

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
        context.setTimeout(readTimeout.toMillis());
        AsyncBodyReader reader = new AsyncBodyReader(handler, endpoint, context, request.getInputStream(), readTimeout,
                (int) Math.min(Integer.MAX_VALUE, Math.max(0, request.getContentLengthLong())));
        context.addListener(reader);
        reader.in.setReadListener(reader);
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
        if (answered.get()) {
            return;
        }
        HttpServletRequest request = (HttpServletRequest) context.getRequest();
        finish(handler.answer(request, endpoint, body.toByteArray()));
    }

    @Override
    public void onError(Throwable failure) {
        LOG.debug("Reading a webhook body for {} failed", endpoint.path(), failure);
        if (answered.compareAndSet(false, true)) {
            context.complete();
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
        if (answered.compareAndSet(false, true)) {
            try {
                ServletExchange.writePlain((HttpServletResponse) context.getResponse(), 408,
                        "REQUEST_TIMEOUT: the body did not arrive within " + readTimeout);
            } finally {
                context.complete();
            }
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }

    private void finish(WebhookResponse response) throws IOException {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        try {
            if (response.status() == 413) {
                ((HttpServletResponse) context.getResponse()).setHeader("Connection", "close");
            }
            ServletExchange.write((HttpServletResponse) context.getResponse(), response);
        } finally {
            context.complete();
        }
    }
}
