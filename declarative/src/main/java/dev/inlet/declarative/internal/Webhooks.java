package dev.inlet.declarative.internal;

import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.verify.WebhookVerifier;
import dev.inlet.webhooks.routing.EventActions;
import dev.inlet.webhooks.routing.EventRouter;
import dev.inlet.webhooks.routing.RefreshTrigger;
import java.util.Map;

/**
 * <b>Internal.</b> Maps a definition's {@code webhooks:} section onto the webhooks module: a
 * {@link WebhookVerifier} for the scheme with the resolved secret and tolerance, and an {@link EventRouter}
 * whose routes refresh {@code <definition>-<stream>} through the caller's {@link RefreshTrigger}.
 */
public final class Webhooks {

    private Webhooks() {
    }

    /** The endpoint of the definition's webhooks section. */
    public static WebhookEndpoint endpoint(DefinitionSpec spec, BindSettings settings, RefreshTrigger trigger) {
        WebhooksSpec hooks = spec.webhooks();
        SignatureScheme scheme = switch (hooks.scheme()) {
            case "stripe" -> SignatureScheme.stripe();
            case "github" -> SignatureScheme.github();
            case "shopify" -> SignatureScheme.shopify();
            case "hubspot_v3" -> SignatureScheme.hubSpotV3();
            case "slack" -> SignatureScheme.slack();
            case "twilio" -> SignatureScheme.twilio();
            default -> SignatureScheme.standardWebhooks();
        };
        WebhookVerifier.Builder verifier = WebhookVerifier.builder(scheme)
                .secret(hooks.secret().resolve(settings.resolver()).reveal())
                .tolerance(hooks.tolerance());
        if (settings.clock() != null) {
            verifier.clock(settings.clock());
        }
        EventRouter.Builder router = EventRouter.builder(scheme);
        for (Map.Entry<String, WebhooksSpec.Action> event : hooks.events().entrySet()) {
            String stream = event.getValue().refresh();
            var handler = stream == null ? (dev.inlet.webhooks.receiver.WebhookHandler) e -> { }
                    : EventActions.refresh(trigger, spec.name() + "-" + stream);
            if (event.getKey().equals("*")) {
                router.otherwise(handler);
            } else {
                router.on(event.getKey(), handler);
            }
        }
        return WebhookEndpoint.builder(hooks.path(), verifier.build()).handler(router.build()).build();
    }
}
