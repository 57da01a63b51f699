package dev.inlet.kafka.connect.internal;

import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * <b>Internal</b>: the configuration of {@code InletWebhookSourceConnector} and its task. Either one
 * endpoint ({@code inlet.webhook.path}, {@code .scheme}, {@code .secret}) or several, named in
 * {@code inlet.webhook.endpoints}, each with {@code inlet.webhook.endpoint.<name>.path}, {@code .scheme},
 * {@code .secret} and optionally {@code .topic} and {@code .public.url}. Signing secrets are
 * {@link Password}s (Connect masks them; give them through a config provider) and are never shown in
 * messages.
 */
public final class WebhookConfig extends AbstractConfig {

    public static final String TOPIC = "inlet.topic";
    public static final String HOST = "inlet.webhook.host";
    public static final String PORT = "inlet.webhook.port";
    public static final String PATH = "inlet.webhook.path";
    public static final String SCHEME = "inlet.webhook.scheme";
    public static final String SECRET = "inlet.webhook.secret";
    public static final String ENDPOINTS = "inlet.webhook.endpoints";
    public static final String ENDPOINT_PREFIX = "inlet.webhook.endpoint.";
    public static final String TOLERANCE_MS = "inlet.webhook.tolerance.ms";
    public static final String MAX_BODY_BYTES = "inlet.webhook.max.body.bytes";
    public static final String PUBLIC_URL = "inlet.webhook.public.url";
    public static final String ACK = "inlet.webhook.ack";
    public static final String ACK_TIMEOUT_MS = "inlet.webhook.ack.timeout.ms";
    public static final String QUEUE_CAPACITY = "inlet.webhook.queue.capacity";
    public static final String HTTP_THREADS = "inlet.webhook.http.threads";
    public static final String RETRY_AFTER_S = "inlet.webhook.retry.after.s";
    public static final String DEDUPE_REMEMBERED = "inlet.webhook.dedupe.remembered";
    public static final String DEDUPE_TTL_MS = "inlet.webhook.dedupe.ttl.ms";
    public static final String POLL_WAIT_MS = "inlet.poll.wait.ms";

    private static final List<String> SCHEMES = List.of("standard_webhooks", "stripe", "github", "shopify",
            "hubspot_v3", "slack", "twilio");

    /** When a delivery is acknowledged to its sender. */
    public enum Ack {
        /** After the producer's acknowledgement of its record ({@code commitRecord}): at-least-once workers. */
        RECORD,
        /** After the worker committed the transaction holding its record ({@code commit}): exactly-once workers. */
        TRANSACTION
    }

    /** Every fixed key, with its default and documentation (per-endpoint keys are added per configuration). */
    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "The topic each verified delivery is written to (an endpoint may name its own).")
            .define(SCHEME, Type.STRING, null, Importance.HIGH,
                    "How deliveries to the single endpoint are signed (the vendor's scheme): one of " + SCHEMES
                            + ". Not with " + ENDPOINTS + ".")
            .define(SECRET, Type.PASSWORD, null, Importance.HIGH,
                    "The single endpoint's signing secret (give it through a config provider: ${file:...}, "
                            + "${env:...}). Not with " + ENDPOINTS + ".")
            .define(ENDPOINTS, Type.LIST, List.of(), Importance.HIGH,
                    "Names of several endpoints on the one port, each configured by " + ENDPOINT_PREFIX
                            + "<name>.path (default /webhooks/<name>), .scheme, .secret (a password), and "
                            + "optionally .topic and .public.url. Empty: the single endpoint of " + PATH + ".")
            .define(PORT, Type.INT, 8080, ConfigDef.Range.between(0, 65535), Importance.HIGH,
                    "The port the task listens on, on the worker that runs it; 0 picks a free one.")
            .define(HOST, Type.STRING, "0.0.0.0", Importance.MEDIUM, "The address the task listens on.")
            .define(PATH, Type.STRING, "/webhooks", Importance.MEDIUM,
                    "The path deliveries to the single endpoint are posted to; other paths get 404.")
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
                    "Verified deliveries waiting for a poll or a commit; beyond it deliveries get 503.")
            .define(HTTP_THREADS, Type.INT, 4, ConfigDef.Range.between(1, 1024), Importance.LOW,
                    "Threads verifying deliveries. Deliveries waiting for their commit hold no thread.")
            .define(RETRY_AFTER_S, Type.INT, 5, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "The Retry-After of a 503.")
            .define(DEDUPE_REMEMBERED, Type.INT, 1000, ConfigDef.Range.between(0, 20_000), Importance.LOW,
                    "Delivery ids per endpoint kept in the source offset, so that a restarted task still "
                            + "answers their redeliveries 200 without a second record.")
            .define(DEDUPE_TTL_MS, Type.LONG, 3_600_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "How long a committed delivery id is remembered in memory (must exceed the tolerance).")
            .define(POLL_WAIT_MS, Type.LONG, 500L, ConfigDef.Range.between(1, 60_000), Importance.LOW,
                    "The longest one poll waits for a delivery before returning no records.");

    private final String name;
    private final Ack ack;
    private final List<String> endpointNames;

    /**
     * Parses and checks a connector or task configuration.
     *
     * @throws ConfigException naming the key that is wrong (never a secret's value)
     */
    public WebhookConfig(Map<String, String> originals) {
        super(definition(originals), originals, false);
        String connectorName = originals.get("name");
        this.name = connectorName == null || connectorName.isBlank() ? "inlet-webhooks" : connectorName;
        this.endpointNames = getList(ENDPOINTS);
        String mode = getString(ACK);
        this.ack = "auto".equals(mode)
                ? ("required".equalsIgnoreCase(originals.get("exactly.once.support")) ? Ack.TRANSACTION : Ack.RECORD)
                : Ack.valueOf(mode.toUpperCase(Locale.ROOT));
        if (getLong(DEDUPE_TTL_MS) <= getLong(TOLERANCE_MS)) {
            throw new ConfigException(DEDUPE_TTL_MS, getLong(DEDUPE_TTL_MS), "must exceed " + TOLERANCE_MS
                    + ", or a replay inside the tolerance would pass");
        }
    }

    /** The fixed keys plus each named endpoint's, so that its secret is a password too. */
    private static ConfigDef definition(Map<String, String> originals) {
        String names = originals.get(ENDPOINTS);
        if (names == null || names.isBlank()) {
            return DEFINITION;
        }
        ConfigDef def = new ConfigDef(DEFINITION);
        for (String raw : names.split(",")) {
            String n = raw.trim();
            if (n.isEmpty() || def.configKeys().containsKey(ENDPOINT_PREFIX + n + ".path")) {
                continue;
            }
            def.define(ENDPOINT_PREFIX + n + ".path", Type.STRING, "/webhooks/" + n, Importance.HIGH,
                            "The path of endpoint " + n + ".")
                    .define(ENDPOINT_PREFIX + n + ".scheme", Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                            ConfigDef.ValidString.in(SCHEMES.toArray(String[]::new)), Importance.HIGH,
                            "How deliveries to endpoint " + n + " are signed.")
                    .define(ENDPOINT_PREFIX + n + ".secret", Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                            "The signing secret of endpoint " + n + " (through a config provider).")
                    .define(ENDPOINT_PREFIX + n + ".topic", Type.STRING, "", Importance.MEDIUM,
                            "The topic of endpoint " + n + "; empty: " + TOPIC + ".")
                    .define(ENDPOINT_PREFIX + n + ".public.url", Type.STRING, "", Importance.LOW,
                            "The URL the vendor calls for endpoint " + n + ", for schemes that sign it.");
        }
        return def;
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
     * The endpoints, each with its verifier.
     *
     * @throws ConfigException naming the key that is missing or wrong (never a secret's value)
     */
    public List<EndpointSpec> endpoints() {
        List<EndpointSpec> specs = new ArrayList<>();
        if (endpointNames.isEmpty()) {
            specs.add(spec("default", PATH, SCHEME, SECRET, TOPIC, PUBLIC_URL));
        } else {
            if (getString(SCHEME) != null || getPassword(SECRET) != null) {
                throw new ConfigException(ENDPOINTS, endpointNames, "give each endpoint its own " + ENDPOINT_PREFIX
                        + "<name>.scheme and .secret, and drop " + SCHEME + " and " + SECRET);
            }
            for (String n : endpointNames) {
                String p = ENDPOINT_PREFIX + n;
                specs.add(spec(n, p + ".path", p + ".scheme", p + ".secret", p + ".topic", p + ".public.url"));
            }
        }
        Set<String> paths = new HashSet<>();
        for (EndpointSpec spec : specs) {
            if (!paths.add(spec.path())) {
                throw new ConfigException(ENDPOINTS, endpointNames, "two endpoints at " + spec.path()
                        + "; give each its own path");
            }
        }
        return specs;
    }

    private EndpointSpec spec(String endpoint, String pathKey, String schemeKey, String secretKey, String topicKey,
            String publicUrlKey) {
        String path = getString(pathKey);
        if (path == null || !path.startsWith("/")) {
            throw new ConfigException(pathKey, path, "a path starts with '/', e.g. /webhooks/stripe");
        }
        String schemeName = getString(schemeKey);
        if (schemeName == null || !SCHEMES.contains(schemeName)) {
            throw new ConfigException(schemeKey, schemeName, "set one of " + SCHEMES);
        }
        Password secret = getPassword(secretKey);
        if (secret == null || secret.value().isEmpty()) {
            throw new ConfigException(secretKey, "(not shown)", "set the signing secret, through a config provider");
        }
        String topic = getString(topicKey);
        topic = topic == null || topic.isEmpty() ? getString(TOPIC) : topic;
        String publicUrl = getString(publicUrlKey);
        if (publicUrl != null && !publicUrl.isEmpty() && !absolute(publicUrl)) {
            throw new ConfigException(publicUrlKey, publicUrl, "use an absolute URL, e.g. https://example.com/hooks");
        }
        return new EndpointSpec(endpoint, path, topic, verifier(schemeName, secret, secretKey),
                publicUrl == null || publicUrl.isEmpty() ? Optional.empty() : Optional.of(publicUrl));
    }

    private static boolean absolute(String url) {
        try {
            return java.net.URI.create(url).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private WebhookVerifier verifier(String schemeName, Password secret, String secretKey) {
        try {
            return WebhookVerifier.builder(scheme(schemeName)).secret(secret.value())
                    .tolerance(Duration.ofMillis(getLong(TOLERANCE_MS))).maxBodyBytes(getInt(MAX_BODY_BYTES)).build();
        } catch (WebhookConfigException e) {
            // The scheme's message names the key id, never the secret.
            throw new ConfigException(secretKey, "(not shown)", e.getMessage());
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
            default -> throw new IllegalStateException("unchecked scheme " + name);
        };
    }
}
