package dev.inlet.spring;

import dev.inlet.core.error.InletException;
import dev.inlet.core.Secret;
import dev.inlet.servlet.ServletWebhookHandler;
import dev.inlet.webhooks.verify.Keyring;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.receiver.Acknowledgement;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookHandler;
import dev.inlet.webhooks.receiver.WebhookReceiver;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.SmartLifecycle;

/**
 * The application's {@link WebhookReceiver}, built from {@code inlet.webhooks.endpoints.*} (each
 * handled by the {@link WebhookHandler} bean of the endpoint's {@code handler} name) plus every
 * {@link WebhookEndpoint} bean, as a Spring-managed lifecycle: the receiver starts (recovering its
 * durable inbox, if any) before the web server takes requests and closes (draining its queue) after
 * the web server has stopped. Without endpoints there is no receiver. Thread-safe.
 */
public final class InletWebhooks implements SmartLifecycle {

    /** Before the web server starts (it starts at {@code DEFAULT_PHASE - 2048}), after it stops. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final WebhookReceiver receiver;
    private final ServletWebhookHandler servletHandler;

    InletWebhooks(InletProperties.Webhooks properties, Map<String, WebhookHandler> handlers,
            List<WebhookEndpoint> endpointBeans, Clock clock) {
        WebhookReceiver.Builder builder = WebhookReceiver.builder()
                .workers(properties.workers())
                .queueCapacity(properties.queueCapacity())
                .retryAfter(properties.retryAfter())
                .drainTimeout(properties.drainTimeout())
                .acknowledge(properties.acknowledgement() == InletProperties.Acknowledgement.AFTER_HANDLER
                        ? Acknowledgement.AFTER_HANDLER : Acknowledgement.ON_RECEIPT)
                .handlerTimeout(properties.handlerTimeout())
                .clock(clock);
        properties.endpoints().forEach((name, endpoint) -> builder.endpoint(endpoint(name, endpoint, handlers, clock)));
        endpointBeans.forEach(builder::endpoint);
        boolean any = !properties.endpoints().isEmpty() || !endpointBeans.isEmpty();
        this.receiver = any ? builder.build() : null;
        this.servletHandler = any ? ServletWebhookHandler.of(receiver) : null;
    }

    private static WebhookEndpoint endpoint(String name, InletProperties.Endpoint p, Map<String, WebhookHandler> handlers,
            Clock clock) {
        String where = "inlet.webhooks.endpoints." + name;
        if (p.path() == null || p.scheme() == null || p.secrets().isEmpty()) {
            throw new InletException(where + " needs path, scheme and secrets",
                    "set " + where + ".path (e.g. /hooks/" + name + "), .scheme (e.g. stripe) and .secrets.<key-id>", null);
        }
        String handlerName = p.handler() == null ? name : p.handler();
        WebhookHandler handler = handlers.get(handlerName);
        if (handler == null) {
            throw new InletException(where + ": no WebhookHandler bean named '" + handlerName + "'",
                    "declare @Bean WebhookHandler " + handlerName + "() or set " + where + ".handler to a bean's name; "
                            + "WebhookHandler beans: " + handlers.keySet(), null);
        }
        Keyring.Builder keys = Keyring.builder();
        for (Map.Entry<String, Secret> key : p.secrets().entrySet()) {
            keys.add(key.getKey(), key.getValue().reveal());
        }
        WebhookVerifier verifier = WebhookVerifier.builder(scheme(p.scheme()))
                .keyring(keys.build())
                .tolerance(p.tolerance())
                .maxBodyBytes(p.maxBodyBytes())
                .clock(clock)
                .build();
        WebhookEndpoint.Builder endpoint = WebhookEndpoint.builder(p.path(), verifier).handler(handler);
        if (p.publicUrl() != null) {
            endpoint.publicUrl(p.publicUrl());
        }
        return endpoint.build();
    }

    private static SignatureScheme scheme(InletProperties.Scheme scheme) {
        return switch (scheme) {
            case STANDARD_WEBHOOKS -> SignatureScheme.standardWebhooks();
            case STRIPE -> SignatureScheme.stripe();
            case GITHUB -> SignatureScheme.github();
            case SHOPIFY -> SignatureScheme.shopify();
            case HUBSPOT_V3 -> SignatureScheme.hubSpotV3();
            case SLACK -> SignatureScheme.slack();
        };
    }

    /** The receiver, if any endpoint is configured. */
    public Optional<WebhookReceiver> receiver() {
        return Optional.ofNullable(receiver);
    }

    /** The servlet-level handler over the receiver, as mounted on Spring MVC. */
    Optional<ServletWebhookHandler> servletHandler() {
        return Optional.ofNullable(servletHandler);
    }

    @Override
    public void start() {
        if (receiver != null && !receiver.isRunning()) {
            receiver.start();
        }
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Override
    public boolean isRunning() {
        return receiver != null && receiver.isRunning();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public String toString() {
        return "InletWebhooks[" + (receiver == null ? "no endpoints" : receiver) + "]";
    }
}
