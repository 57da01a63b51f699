package dev.inlet.kafka.connect.internal;

import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * <b>Internal</b>: the configuration of {@code InletWebhookSourceConnector} and its task. The signing
 * secret is a {@link Password} (Connect masks it; give it through a config provider) and is never
 * shown in messages.
 */
public final class WebhookConfig extends AbstractConfig {

    public static final String TOPIC = "inlet.topic";
    public static final String HOST = "inlet.webhook.host";
    public static final String PORT = "inlet.webhook.port";
    public static final String PATH = "inlet.webhook.path";
    public static final String SCHEME = "inlet.webhook.scheme";
    public static final String SECRET = "inlet.webhook.secret";
    public static final String TOLERANCE_MS = "inlet.webhook.tolerance.ms";
    public static final String MAX_BODY_BYTES = "inlet.webhook.max.body.bytes";
    public static final String PUBLIC_URL = "inlet.webhook.public.url";
    public static final String ACK = "inlet.webhook.ack";
    public static final String ACK_TIMEOUT_MS = "inlet.webhook.ack.timeout.ms";
    public static final String QUEUE_CAPACITY = "inlet.webhook.queue.capacity";
    public static final String HTTP_THREADS = "inlet.webhook.http.threads";
    public static final String RETRY_AFTER_S = "inlet.webhook.retry.after.s";
    public static final String POLL_WAIT_MS = "inlet.poll.wait.ms";

    /** When a delivery is acknowledged to its sender. */
    public enum Ack {
        /** After the producer's acknowledgement of its record ({@code commitRecord}): at-least-once workers. */
        RECORD,
        /** After the worker committed the transaction holding its record ({@code commit}): exactly-once workers. */
        TRANSACTION
    }

    /** Every key, with its default and documentation. */
    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "The topic each verified delivery is written to.")
            .define(SCHEME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.ValidString.in("standard_webhooks",
                    "stripe", "github", "shopify", "hubspot_v3", "slack", "twilio"), Importance.HIGH,
                    "How deliveries are signed (the vendor's scheme).")
            .define(SECRET, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "The signing secret (give it through a config provider: ${file:...}, ${env:...}).")
            .define(PORT, Type.INT, 8080, ConfigDef.Range.between(0, 65535), Importance.HIGH,
                    "The port the task listens on, on the worker that runs it; 0 picks a free one.")
            .define(HOST, Type.STRING, "0.0.0.0", Importance.MEDIUM, "The address the task listens on.")
            .define(PATH, Type.STRING, "/webhooks", Importance.MEDIUM,
                    "The path deliveries are posted to; other paths get 404.")
            .define(TOLERANCE_MS, Type.LONG, 300_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "How far a delivery's signed timestamp may be from now.")
            .define(MAX_BODY_BYTES, Type.INT, 1 << 20, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "The largest body accepted; larger gets 413.")
            .define(PUBLIC_URL, Type.STRING, "", Importance.LOW,
                    "The URL the vendor calls, for schemes that sign the URL (HubSpot v3) behind a proxy. Empty: "
                            + "the URL the task saw.")
            .define(ACK, Type.STRING, "auto", ConfigDef.ValidString.in("auto", "record", "transaction"),
                    Importance.MEDIUM, "When a delivery is answered 2xx: record (the producer acknowledged its "
                            + "record), transaction (the worker committed the transaction holding it; needed on "
                            + "exactly-once workers, where Connect does not acknowledge single records), auto "
                            + "(transaction when exactly.once.support=required, else record).")
            .define(ACK_TIMEOUT_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "How long a delivery waits for its record to be committed before it is answered 503 (the "
                            + "vendor delivers it again).")
            .define(QUEUE_CAPACITY, Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Verified deliveries waiting for a poll; beyond it deliveries get 503.")
            .define(HTTP_THREADS, Type.INT, 32, ConfigDef.Range.between(1, 1024), Importance.LOW,
                    "Deliveries held at once (each waits for its commit on a thread).")
            .define(RETRY_AFTER_S, Type.INT, 5, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "The Retry-After of a 503.")
            .define(POLL_WAIT_MS, Type.LONG, 500L, ConfigDef.Range.between(1, 60_000), Importance.LOW,
                    "The longest one poll waits for a delivery before returning no records.");

    private final String name;
    private final Ack ack;

    /**
     * Parses and checks a connector or task configuration.
     *
     * @throws ConfigException naming the key that is wrong (never the secret's value)
     */
    public WebhookConfig(Map<String, String> originals) {
        super(DEFINITION, originals, false);
        String connectorName = originals.get("name");
        this.name = connectorName == null || connectorName.isBlank() ? "inlet-webhooks" : connectorName;
        String path = getString(PATH);
        if (!path.startsWith("/")) {
            throw new ConfigException(PATH, path, "a path starts with '/', e.g. /webhooks/stripe");
        }
        String mode = getString(ACK);
        this.ack = "auto".equals(mode)
                ? ("required".equalsIgnoreCase(originals.get("exactly.once.support")) ? Ack.TRANSACTION : Ack.RECORD)
                : Ack.valueOf(mode.toUpperCase(Locale.ROOT));
    }

    /** The connector's name. */
    public String connectorName() {
        return name;
    }

    /** When deliveries are acknowledged. */
    public Ack ack() {
        return ack;
    }

    /** The ack timeout. */
    public Duration ackTimeout() {
        return Duration.ofMillis(getLong(ACK_TIMEOUT_MS));
    }

    /**
     * The verifier of the configured scheme and secret.
     *
     * @throws ConfigException naming {@code inlet.webhook.secret} if the secret does not fit the scheme
     */
    public WebhookVerifier verifier() {
        try {
            return WebhookVerifier.builder(scheme(getString(SCHEME))).secret(getPassword(SECRET).value())
                    .tolerance(Duration.ofMillis(getLong(TOLERANCE_MS))).maxBodyBytes(getInt(MAX_BODY_BYTES)).build();
        } catch (WebhookConfigException e) {
            // The scheme's message names the key id, never the secret.
            throw new ConfigException(SECRET, "(not shown)", e.getMessage());
        }
    }

    private static SignatureScheme scheme(String name) {
        return switch (name) {
            case "standard_webhooks" -> SignatureScheme.standardWebhooks();
            case "stripe" -> SignatureScheme.stripe();
            case "github" -> SignatureScheme.github();
            case "shopify" -> SignatureScheme.shopify();
            case "hubspot_v3" -> SignatureScheme.hubSpotV3();
            case "slack" -> SignatureScheme.slack();
            case "twilio" -> SignatureScheme.twilio();
            default -> throw new ConfigException(SCHEME, name, "not a supported scheme");
        };
    }
}
