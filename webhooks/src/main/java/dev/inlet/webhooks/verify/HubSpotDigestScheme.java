package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.internal.JsonFields;
import dev.inlet.core.Headers;
import dev.inlet.webhooks.internal.Encodings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HubSpot's legacy signatures v1 and v2: a hex SHA-256 of the client secret followed by the body
 * (v1), or by method, URI and body (v2). See {@link SignatureScheme#hubSpotV1()} and
 * {@link SignatureScheme#hubSpotV2()}.
 */
final class HubSpotDigestScheme extends SignatureScheme {

    static final HubSpotDigestScheme V1 = new HubSpotDigestScheme("v1", false);
    static final HubSpotDigestScheme V2 = new HubSpotDigestScheme("v2", true);
    static final String SIGNATURE = "X-HubSpot-Signature";
    static final String VERSION = "X-HubSpot-Signature-Version";

    private final String version;
    private final boolean signsRequestLine;

    private HubSpotDigestScheme(String version, boolean signsRequestLine) {
        this.version = version;
        this.signsRequestLine = signsRequestLine;
    }

    @Override
    public String name() {
        return "hubspot-" + version;
    }

    @Override
    KeyMaterial prepare(String keyId, String secret) {
        if (secret.isEmpty()) {
            throw new InvalidSecretException(keyId, name(), "the secret is empty",
                    "copy the app's client secret from HubSpot");
        }
        return KeyMaterial.secret(keyId, utf8(secret));
    }

    @Override
    VerificationResult verify(WebhookRequest request, List<KeyMaterial> keys, Instant now, Duration tolerance) {
        List<String> signatures = request.headers().all(SIGNATURE);
        if (signatures.isEmpty()) {
            return missing(SIGNATURE);
        }
        Optional<String> declared = request.headers().first(VERSION);
        if (declared.isPresent() && !declared.get().trim().equalsIgnoreCase(version)) {
            return malformed(VERSION, "is '" + declared.get().trim() + "'; this verifier checks " + version);
        }
        for (KeyMaterial key : keys) {
            byte[] digest = digest(key, request);
            boolean matched = false;
            for (String raw : signatures) {
                String value = raw.trim();
                matched |= Encodings.hexEquals(digest, digest.length, value, 0, value.length());
            }
            if (matched) {
                return VerificationResult.valid(key.id, null);
            }
        }
        boolean decodable = false;
        for (String raw : signatures) {
            String value = raw.trim();
            decodable |= Encodings.isHex(value, 0, value.length(), 32);
        }
        return noMatch(SIGNATURE, keys.size(), decodable, "64 hex digits");
    }

    private byte[] digest(KeyMaterial key, WebhookRequest request) {
        if (signsRequestLine) {
            return key.secret.sha256WithSecretFirst(utf8(request.method().toUpperCase(Locale.ROOT) + request.url()),
                    request.rawBody());
        }
        return key.secret.sha256WithSecretFirst(request.rawBody());
    }

    @Override
    Headers sign(WebhookRequest request, List<KeyMaterial> keys, Instant now) {
        byte[] digest = digest(keys.get(0), request);
        return Headers.of(SIGNATURE, Encodings.hex(digest, digest.length), VERSION, version);
    }

    @Override
    Optional<String> eventType(WebhookRequest request) {
        return JsonFields.firstElementString(request.rawBody(), "subscriptionType");
    }
}
