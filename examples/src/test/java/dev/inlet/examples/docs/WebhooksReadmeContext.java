package dev.inlet.examples.docs;

import dev.inlet.core.schedule.Scheduler;
import dev.inlet.webhooks.Keyring;
import dev.inlet.webhooks.WebhookEndpoint;
import dev.inlet.webhooks.WebhookRequest;
import dev.inlet.webhooks.WebhookVerifier;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What the snippets of {@code webhooks/README.md} use without declaring it (see {@link DocSnippetsTest}). Compile-only. */
public class WebhooksReadmeContext {

    protected record Invoice(String id, String customer, BigDecimal amountPaid) {
    }

    protected interface Billing {
        void paid(Invoice invoice);
    }

    protected interface Metrics {
        void record(BigDecimal value);
    }

    protected String fullUrl;
    protected String url;
    protected Map<String, List<String>> headerMap;
    protected byte[] rawBodyBytes;
    protected byte[] body;
    protected String oldSecret;
    protected String newSecret;
    protected Keyring keys;
    protected WebhookVerifier verifier;
    protected WebhookVerifier stripeVerifier;
    protected WebhookVerifier githubVerifier;
    protected WebhookRequest request;
    protected WebhookEndpoint stripe;
    protected Scheduler scheduler;
    protected Billing billing;
    protected Metrics metrics;
}
