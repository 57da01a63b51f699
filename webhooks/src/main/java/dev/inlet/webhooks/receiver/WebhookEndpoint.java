package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.net.URI;
import java.util.Optional;

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
    private final URI publicUrl;

    private WebhookEndpoint(Builder b) {
        this.path = b.path;
        this.verifier = b.verifier;
        this.handler = b.handler;
        this.publicUrl = b.publicUrl;
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

    /** The handler. */
    public WebhookHandler handler() {
        return handler;
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

        /** The handler of accepted events; required. */
        public Builder handler(WebhookHandler handler) {
            this.handler = handler;
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
            if (handler == null) {
                throw new WebhookConfigException("WebhookEndpoint " + path + " has no handler",
                        "call handler(event -> ...)");
            }
            return new WebhookEndpoint(this);
        }
    }
}
