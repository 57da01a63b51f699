package dev.inlet.examples.docs;

import dev.inlet.core.Headers;
import dev.inlet.core.schedule.Scheduler;
import dev.inlet.webhooks.verify.Keyring;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookSigner;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the snippets of {@code webhooks/README.md} use without declaring it (see {@link DocSnippetsTest}).
 * The keyring, verifier, signed request, URL and body are real, so the keyring and signing snippets run;
 * the Stripe and GitHub verifiers and endpoints are compile-only.
 */
public class WebhooksReadmeContext {

    protected record Invoice(String id, String customer, BigDecimal amountPaid) {
    }

    protected interface Billing {
        void paid(Invoice invoice);
    }

    protected interface Metrics {
        void record(BigDecimal value);
    }

    /** What the acknowledge-after-handler snippet sends events to (a Kafka producer, say). */
    protected interface Producer {
        java.util.concurrent.CompletionStage<?> send(String record);
    }

    protected String record(dev.inlet.webhooks.receiver.WebhookEvent event) {
        return event.toString();
    }

    protected final String oldSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    protected final String newSecret = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    protected final Keyring keys = Keyring.builder().add("2025-01", oldSecret).add("2025-06", newSecret).build();
    protected final String url = "https://receiver.example/hooks/orders";
    protected final byte[] body = "{\"type\":\"order.created\",\"data\":{\"amount\":\"12.50\"}}"
            .getBytes(StandardCharsets.UTF_8);
    protected final WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks())
            .keyring(keys).build();
    /** A delivery signed with the new key only, as after the provider rolled over. */
    protected final WebhookRequest request = WebhookSigner.builder(SignatureScheme.standardWebhooks())
            .keyring(Keyring.builder().add("2025-06", newSecret).build()).build()
            .sign(WebhookRequest.post(url, Headers.of("webhook-id", "msg_1"), body));
    protected final Scheduler scheduler = Scheduler.builder().manual().executor(Runnable::run).build();
    protected final Metrics metrics = value -> { };

    protected String fullUrl;
    protected Map<String, List<String>> headerMap;
    protected byte[] rawBodyBytes;
    protected WebhookVerifier stripeVerifier;
    protected WebhookVerifier githubVerifier;
    protected WebhookEndpoint stripe;
    protected Billing billing;
    protected WebhookVerifier shopifyVerifier;
    protected Producer producer;
}
