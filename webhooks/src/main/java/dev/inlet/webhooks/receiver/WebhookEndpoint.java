package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One path of a {@link WebhookReceiver}: its verifier (scheme, keyring, tolerance, body limit) and
 * the handler of its events. Immutable.
 *
 * <pre>{@code
 * WebhookEndpoint stripe = WebhookEndpoint.builder("/hooks/stripe", stripeVerifier)
 *         .handler(event -> ledger.record(event.as(StripeEvent.class)))
 *         .build();
 * }</pre>
 */
public final class WebhookEndpoint {

    private final String path;
    private final WebhookVerifier verifier;
    private final WebhookHandler handler;
    private final AsyncWebhookHandler asyncHandler;
    private final URI publicUrl;

    private WebhookEndpoint(Builder b) {
        this.path = b.path;
        this.verifier = b.verifier;
        if (b.asyncHandler != null) {
            AsyncWebhookHandler async = b.asyncHandler;
            this.asyncHandler = async;
            this.handler = event -> awaitStage(async.handle(event));
        } else {
            WebhookHandler sync = b.handler;
            this.handler = sync;
            this.asyncHandler = event -> {
                sync.handle(event);
                return CompletableFuture.completedFuture(null);
            };
        }
        this.publicUrl = b.publicUrl;
    }

    /** Waits for an asynchronous handler's stage (on a worker, in {@link Acknowledgement#ON_RECEIPT} mode). */
    private static void awaitStage(java.util.concurrent.CompletionStage<?> stage) throws Exception {
        if (stage == null) {
            return;
        }
        try {
            stage.toCompletableFuture().get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof Exception failure ? failure : new CompletionException(cause);
        }
    }

    /**
     * A builder.
     *
     * @param path the exact request path, starting with {@code /}, such as {@code /hooks/github}
     * @param verifier the verifier of this endpoint's deliveries
     */
    public static Builder builder(String path, WebhookVerifier verifier) {
        return new Builder(path, verifier);
    }

    /** The path. */
    public String path() {
        return path;
    }

    /** The verifier. */
    public WebhookVerifier verifier() {
        return verifier;
    }

    /**
     * The handler. For an endpoint built with an {@link AsyncWebhookHandler}, one that waits for its
     * stage (and throws what it failed with).
     */
    public WebhookHandler handler() {
        return handler;
    }

    /**
     * The handler as an {@link AsyncWebhookHandler}. For an endpoint built with a
     * {@link WebhookHandler}, one that runs it and returns a completed stage (or throws what it threw).
     */
    public AsyncWebhookHandler asyncHandler() {
        return asyncHandler;
    }

    /**
     * The public URL senders call, if set: schemes that sign the URL (HubSpot) verify against it
     * instead of the URL the server saw, which differs behind a proxy or TLS terminator.
     */
    public Optional<URI> publicUrl() {
        return Optional.ofNullable(publicUrl);
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[" + path + ", " + verifier + "]";
    }

    /** Builds a {@link WebhookEndpoint}; not thread-safe. */
    public static final class Builder {
        private final String path;
        private final WebhookVerifier verifier;
        private WebhookHandler handler;
        private AsyncWebhookHandler asyncHandler;
        private URI publicUrl;

        private Builder(String path, WebhookVerifier verifier) {
            if (path == null || !path.startsWith("/")) {
                throw new WebhookConfigException("WebhookEndpoint: path must start with '/', got " + path,
                        "use e.g. \"/hooks/stripe\"");
            }
            if (verifier == null) {
                throw new WebhookConfigException("WebhookEndpoint " + path + ": the verifier is null",
                        "build one with WebhookVerifier.builder(scheme)");
            }
            this.path = path;
            this.verifier = verifier;
        }

        /** The handler of accepted events; this or {@link #asyncHandler(AsyncWebhookHandler)} is required. */
        public Builder handler(WebhookHandler handler) {
            this.handler = handler;
            this.asyncHandler = null;
            return this;
        }

        /**
         * A handler that completes later, instead of {@link #handler(WebhookHandler)} (the last one
         * set wins). Fits {@link Acknowledgement#AFTER_HANDLER}, where the sender's answer waits for
         * its stage without holding a thread.
         */
        public Builder asyncHandler(AsyncWebhookHandler handler) {
            this.asyncHandler = handler;
            this.handler = null;
            return this;
        }

        /**
         * The URL senders are configured with (scheme, host, path; the query is taken from each
         * request). Needed for HubSpot v3 behind a proxy. Default: the URL the server saw.
         */
        public Builder publicUrl(URI publicUrl) {
            if (publicUrl == null || !publicUrl.isAbsolute()) {
                throw new WebhookConfigException("WebhookEndpoint " + path + ": publicUrl must be absolute, got "
                        + publicUrl, "use e.g. URI.create(\"https://example.com/hooks/hubspot\")");
            }
            this.publicUrl = publicUrl;
            return this;
        }

        /**
         * The endpoint.
         *
         * @throws WebhookConfigException if no handler was set
         */
        public WebhookEndpoint build() {
            if (handler == null && asyncHandler == null) {
                throw new WebhookConfigException("WebhookEndpoint " + path + " has no handler",
                        "call handler(event -> ...) or asyncHandler(event -> stage)");
            }
            return new WebhookEndpoint(this);
        }
    }
}
