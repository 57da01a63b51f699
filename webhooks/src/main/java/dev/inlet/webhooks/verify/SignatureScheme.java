package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.internal.JsonFields;
import dev.inlet.core.Headers;
import dev.inlet.webhooks.internal.HmacKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a provider signs its webhooks: which headers carry the signature, timestamp and event id,
 * what bytes are signed, with which algorithm, and how secrets are written. Obtain one from the
 * factories below, or write your own with {@link SignatureSchemeSpi} and {@link #of}.
 *
 * <p>Immutable and thread-safe.
 */
public abstract class SignatureScheme {

    SignatureScheme() {
    }

    /** A short name for logs and messages, such as {@code stripe}. */
    public abstract String name();

    /**
     * <a href="https://www.standardwebhooks.com">Standard Webhooks</a> 1.0 (also Svix): headers
     * {@code webhook-id}, {@code webhook-timestamp} (seconds) and {@code webhook-signature}, a
     * space-separated list of {@code v1,<base64 HMAC-SHA256>} and {@code v1a,<base64 Ed25519>}
     * signatures over {@code id.timestamp.body}. Keyring secrets are {@code whsec_<base64>} (24–64
     * bytes, symmetric), {@code whpk_<base64>} (Ed25519 public key, verify only) or
     * {@code whsk_<base64>} (Ed25519 seed, sign and verify). The {@code svix-*} header names are
     * accepted too. Event id: {@code webhook-id}; type: the body's {@code type}.
     */
    public static SignatureScheme standardWebhooks() {
        return StandardWebhooksScheme.INSTANCE;
    }

    /**
     * Stripe: {@code Stripe-Signature: t=<seconds>,v1=<hex>[,v1=<hex>…]}, HMAC-SHA256 over
     * {@code t.body} keyed with the whole endpoint secret string (including {@code whsec_}). Any
     * one {@code v1} matching suffices; {@code v0} is ignored. Event id and type: the body's
     * {@code id} and {@code type}.
     */
    public static SignatureScheme stripe() {
        return StripeScheme.INSTANCE;
    }

    /**
     * GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}, no timestamp (so
     * no replay window: deduplication by {@code X-GitHub-Delivery} is the defence). Type:
     * {@code X-GitHub-Event}.
     */
    public static SignatureScheme github() {
        return BodyHmacScheme.GITHUB;
    }

    /**
     * Shopify: {@code X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256 of the body>}, keyed with the app's
     * client secret; no signed timestamp. Event id: {@code X-Shopify-Webhook-Id} (else
     * {@code X-Shopify-Event-Id}); type: {@code X-Shopify-Topic}.
     */
    public static SignatureScheme shopify() {
        return BodyHmacScheme.SHOPIFY;
    }

    /**
     * HubSpot signature v3: {@code X-HubSpot-Signature-v3: <base64 HMAC-SHA256>} over
     * {@code method + uri + body + timestamp}, where {@code X-HubSpot-Request-Timestamp} is in
     * milliseconds and the URI has HubSpot's listed characters ({@code %3A %2F %3F %40 %21 %24 %27
     * %28 %29 %2A %2C %3B}) decoded. The request URL must be the public URL HubSpot called. Type:
     * the first event's {@code subscriptionType}; HubSpot sends no delivery id.
     */
    public static SignatureScheme hubSpotV3() {
        return HubSpotV3Scheme.INSTANCE;
    }

    /**
     * Slack: {@code X-Slack-Signature: v0=<hex>} over {@code v0:timestamp:body}, with
     * {@code X-Slack-Request-Timestamp} in seconds. Event id and type: the body's {@code event_id}
     * and {@code type} when it is JSON (Events API).
     */
    public static SignatureScheme slack() {
        return SlackScheme.INSTANCE;
    }

    /** An HMAC scheme described by the caller: header, algorithm, encodings and what is signed. */
    public static SignatureScheme customHmac(CustomHmac description) {
        if (description == null) {
            throw new WebhookConfigException("customHmac: the description is null",
                    "build one with CustomHmac.builder(signatureHeader)");
        }
        return new CustomHmacScheme(description);
    }

    /**
     * A scheme you implement: see {@link SignatureSchemeSpi} for the contract and the README for an
     * example.
     */
    public static SignatureScheme of(SignatureSchemeSpi spi) {
        if (spi == null) {
            throw new WebhookConfigException("SignatureScheme.of: the scheme is null", "pass your SignatureSchemeSpi");
        }
        return new SpiScheme(spi);
    }

    /**
     * Twilio: {@code X-Twilio-Signature: <base64 HMAC-SHA1>} keyed with the account's auth token,
     * over the full URL Twilio called followed, for a form-encoded body
     * ({@code application/x-www-form-urlencoded}), by every parameter's name and value sorted by
     * name. A JSON (or other) body is covered instead by the URL's {@code bodySHA256} query
     * parameter, the hex SHA-256 of the body, which is checked too; any other non-empty body is
     * refused as unsigned. The URL is tried as given, without its port and with the default port,
     * as Twilio's own validators do. No timestamp (no replay window); event id:
     * {@code I-Twilio-Idempotency-Token}. Behind a proxy set the endpoint's public URL.
     */
    public static SignatureScheme twilio() {
        return TwilioScheme.INSTANCE;
    }

    /**
     * HubSpot signature v1 (legacy): {@code X-HubSpot-Signature: <hex SHA-256 of client secret +
     * body>}, with {@code X-HubSpot-Signature-Version: v1}. A plain digest, not an HMAC, with no
     * timestamp; prefer {@link #hubSpotV3()} where the app can use it.
     */
    public static SignatureScheme hubSpotV1() {
        return HubSpotDigestScheme.V1;
    }

    /**
     * HubSpot signature v2 (legacy): {@code X-HubSpot-Signature: <hex SHA-256 of client secret +
     * method + URI + body>}, with {@code X-HubSpot-Signature-Version: v2}; the URI is the full URL
     * HubSpot called. No timestamp; prefer {@link #hubSpotV3()}.
     */
    public static SignatureScheme hubSpotV2() {
        return HubSpotDigestScheme.V2;
    }

    /** Decodes one keyring secret; throws {@link InvalidSecretException} naming the key, not the secret. */
    abstract KeyMaterial prepare(String keyId, String secret);

    /** Verifies with keys already decoded; {@code now} and {@code tolerance} bound the signed timestamp. */
    abstract VerificationResult verify(WebhookRequest request, List<KeyMaterial> keys, Instant now,
            Duration tolerance);

    /** The headers that sign {@code request} at {@code now} with the signing keys. */
    abstract Headers sign(WebhookRequest request, List<KeyMaterial> keys, Instant now);

    /** The provider's id of this delivery's event, used for deduplication. */
    Optional<String> eventId(WebhookRequest request) {
        return Optional.empty();
    }

    /** The provider's event type, such as {@code invoice.paid}. */
    Optional<String> eventType(WebhookRequest request) {
        return JsonFields.topLevelString(request.rawBody(), "type");
    }

    /** The scheme's name. */
    @Override
    public String toString() {
        return name();
    }

    // Helpers shared by the schemes.

    /** A UTF-8 string secret as an HMAC key; rejects empty secrets at build time. */
    static KeyMaterial utf8HmacKey(String scheme, String keyId, String secret, String algorithm) {
        if (secret.isEmpty()) {
            throw new InvalidSecretException(keyId, scheme, "the secret is empty",
                    "copy the signing secret from the provider's dashboard");
        }
        return KeyMaterial.hmac(keyId, new HmacKey(algorithm, secret.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The single value of a header, or null if absent; a header repeated with different values is
     * ambiguous and reported through {@code ambiguous[0]}.
     */
    static String single(Headers headers, String name, boolean[] ambiguous) {
        List<String> values = headers.all(name);
        if (values.isEmpty()) {
            return null;
        }
        String first = values.get(0);
        for (int i = 1; i < values.size(); i++) {
            if (!values.get(i).equals(first)) {
                ambiguous[0] = true;
            }
        }
        return first.trim();
    }

    /** A non-negative decimal number, or -1 if the text is not one (no exception on the hot path). */
    static long parseDecimal(String text) {
        if (text == null || text.isEmpty() || text.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Null when {@code signedAt} is within {@code tolerance} of {@code now} either way, else the failure. */
    static VerificationResult checkFreshness(Instant signedAt, Instant now, Duration tolerance, String header) {
        if (signedAt.isBefore(now.minus(tolerance))) {
            return VerificationResult.failure(FailureReason.TIMESTAMP_TOO_OLD,
                    header + " is more than " + tolerance + " in the past");
        }
        if (signedAt.isAfter(now.plus(tolerance))) {
            return VerificationResult.failure(FailureReason.TIMESTAMP_IN_FUTURE,
                    header + " is more than " + tolerance + " in the future");
        }
        return null;
    }

    static VerificationResult missing(String header) {
        return VerificationResult.failure(FailureReason.MISSING_HEADER, "header '" + header + "' is missing");
    }

    static VerificationResult malformed(String header, String why) {
        return VerificationResult.failure(FailureReason.MALFORMED_HEADER, "header '" + header + "' " + why);
    }

    /**
     * The failure when no signature matched: {@link FailureReason#MALFORMED_HEADER} (400) if not one
     * signature in the header could even be decoded as the scheme's encoding and length, else
     * {@link FailureReason#NO_MATCHING_SIGNATURE} (401). The same rule for every scheme.
     */
    static VerificationResult noMatch(String header, int keys, boolean anyDecodable, String expected) {
        return anyDecodable ? noMatch(header, keys) : malformed(header, "has no signature that is " + expected);
    }

    static VerificationResult noMatch(String header, int keys) {
        return VerificationResult.failure(FailureReason.NO_MATCHING_SIGNATURE,
                "no signature in '" + header + "' matches any of the " + keys + " key(s)");
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
