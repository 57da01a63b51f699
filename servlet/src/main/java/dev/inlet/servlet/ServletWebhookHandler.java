package dev.inlet.servlet;

import dev.inlet.webhooks.receiver.Acknowledgement;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookReceiver;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.receiver.WebhookResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Hands servlet requests to a {@link WebhookReceiver}: finds the endpoint by the path inside the
 * application, refuses a declared {@code Content-Length} over the endpoint's limit with 413 before
 * reading, reads the body raw (never decoded, never re-encoded) up to the limit, and copies the
 * receiver's answer onto the servlet response. Verification, deduplication, the inbox and dispatch
 * are the receiver's own {@link WebhookReceiver#handle(String, WebhookRequest)}: nothing is copied.
 *
 * <p>{@link #handle} reads the body on the calling thread; use it where a framework owns the servlet
 * (a Spring MVC handler). With {@link Acknowledgement#AFTER_HANDLER} it also waits on that thread for
 * the handler (up to the receiver's {@code handlerTimeout}). {@link WebhookServlet} reads without
 * blocking a container thread and, with async support, holds none while the handler runs. The
 * receiver must be started by whoever owns it. Immutable and thread-safe.
 */
public final class ServletWebhookHandler {

    private final WebhookReceiver receiver;

    private ServletWebhookHandler(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    /**
     * A handler for {@code receiver}.
     *
     * @throws IllegalArgumentException if {@code receiver} is null
     */
    public static ServletWebhookHandler of(WebhookReceiver receiver) {
        if (receiver == null) {
            throw new IllegalArgumentException("ServletWebhookHandler: receiver is null; build one with WebhookReceiver.builder()");
        }
        return new ServletWebhookHandler(receiver);
    }

    /** The receiver requests go to. */
    public WebhookReceiver receiver() {
        return receiver;
    }

    /**
     * Reads the body on this thread and answers: 200 accepted or duplicate, 400/401 refused, 404 no
     * endpoint at the path, 413 over the limit, 503 with {@code Retry-After} when the receiver is full
     * or not running. With {@link Acknowledgement#AFTER_HANDLER} this thread waits for the handler: 200
     * once it is done, 503 with {@code Retry-After} when it fails or passes the handler timeout.
     *
     * @throws IOException if the container fails to read the request or write the response
     */
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WebhookEndpoint endpoint = endpointOrAnswer(request, response);
        if (endpoint == null) {
            return;
        }
        int max = endpoint.verifier().maxBodyBytes();
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            // One byte past the limit tells "too large" from "exactly at the limit".
            body = in.readNBytes(max == Integer.MAX_VALUE ? max : max + 1);
        }
        ServletExchange.write(response, answer(request, endpoint, body));
    }

    /**
     * The endpoint for the request's path, or null after answering it: 404 (by the receiver) for an
     * unknown path, 413 for a declared length over the endpoint's limit.
     */
    WebhookEndpoint endpointOrAnswer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = ServletExchange.path(request);
        WebhookEndpoint endpoint = receiver.endpoints().get(path);
        if (endpoint == null) {
            WebhookRequest empty = WebhookRequest.of(request.getMethod(), ServletExchange.url(request, null),
                    ServletExchange.headers(request), new byte[0]);
            ServletExchange.write(response, receiver.handle(path, empty));
            return null;
        }
        int max = endpoint.verifier().maxBodyBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            // Not reading a body we will refuse; the container closes the connection if it cannot skip it.
            response.setHeader("Connection", "close");
            ServletExchange.write(response, WebhookResponse.tooLarge((int) Math.min(declared, Integer.MAX_VALUE), max));
            return null;
        }
        return endpoint;
    }

    /** The receiver's answer for a body read in full (or {@code max + 1} bytes of one), waiting for it. */
    WebhookResponse answer(HttpServletRequest request, WebhookEndpoint endpoint, byte[] body) {
        return answerAsync(request, endpoint, body).toCompletableFuture().join();
    }

    /**
     * The receiver's answer for a body read in full (or {@code max + 1} bytes of one), when it is
     * decided: already complete with {@link Acknowledgement#ON_RECEIPT}, once the handler is done (or
     * timed out) with {@link Acknowledgement#AFTER_HANDLER}. Never completes exceptionally. The
     * request's URL and headers are read now, on the calling (container) thread.
     */
    CompletionStage<WebhookResponse> answerAsync(HttpServletRequest request, WebhookEndpoint endpoint, byte[] body) {
        int max = endpoint.verifier().maxBodyBytes();
        if (body.length > max) {
            return CompletableFuture.completedFuture(WebhookResponse.tooLarge(-1, max));
        }
        WebhookRequest webhook = WebhookRequest.of(request.getMethod(), ServletExchange.url(request, endpoint),
                ServletExchange.headers(request), body);
        return receiver.handleAsync(endpoint.path(), webhook);
    }

    @Override
    public String toString() {
        return "ServletWebhookHandler[" + receiver + "]";
    }
}
