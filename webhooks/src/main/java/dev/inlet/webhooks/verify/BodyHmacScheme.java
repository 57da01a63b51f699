package dev.inlet.webhooks.verify;

import dev.inlet.core.Headers;
import dev.inlet.webhooks.internal.Encodings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;

/**
 * Schemes that sign only the body with HMAC-SHA256 and carry no timestamp: GitHub (hex with a
 * {@code sha256=} prefix) and Shopify (bare base64).
 */
final class BodyHmacScheme extends SignatureScheme {

    static final BodyHmacScheme GITHUB = new BodyHmacScheme("github", "X-Hub-Signature-256", "sha256=", true,
            List.of("X-GitHub-Delivery"), "X-GitHub-Event");
    static final BodyHmacScheme SHOPIFY = new BodyHmacScheme("shopify", "X-Shopify-Hmac-Sha256", "", false,
            List.of("X-Shopify-Webhook-Id", "X-Shopify-Event-Id"), "X-Shopify-Topic");

    private final String name;
    private final String header;
    private final String prefix;
    private final boolean hex;
    private final List<String> idHeaders;
    private final String typeHeader;

    private BodyHmacScheme(String name, String header, String prefix, boolean hex, List<String> idHeaders,
            String typeHeader) {
        this.name = name;
        this.header = header;
        this.prefix = prefix;
        this.hex = hex;
        this.idHeaders = idHeaders;
        this.typeHeader = typeHeader;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    KeyMaterial prepare(String keyId, String secret) {
        return utf8HmacKey(name, keyId, secret, "HmacSHA256");
    }

    @Override
    VerificationResult verify(WebhookRequest request, List<KeyMaterial> keys, Instant now, Duration tolerance) {
        List<String> values = request.headers().all(header);
        if (values.isEmpty()) {
            return missing(header);
        }
        boolean wellFormed = false;
        for (String value : values) {
            wellFormed |= value.trim().length() > prefix.length() && value.trim().startsWith(prefix);
        }
        if (!wellFormed) {
            return malformed(header, prefix.isEmpty() ? "is empty" : "does not start with '" + prefix + "'");
        }
        for (KeyMaterial key : keys) {
            Mac mac = key.hmac.mac();
            mac.update(request.rawBody());
            byte[] computed = key.hmac.finish(mac);
            byte[] expectedAscii = hex ? null : Encodings.base64Ascii(computed, key.hmac.length());
            boolean matched = false;
            for (String raw : values) {
                String value = raw.trim();
                if (!value.startsWith(prefix)) {
                    continue;
                }
                matched |= hex
                        ? Encodings.hexEquals(computed, key.hmac.length(), value, prefix.length(), value.length())
                        : Encodings.asciiEquals(expectedAscii, expectedAscii.length, value, 0, value.length());
            }
            if (matched) {
                return VerificationResult.valid(key.id, null);
            }
        }
        boolean decodable = false;
        for (String raw : values) {
            String value = raw.trim();
            decodable |= value.startsWith(prefix) && (hex
                    ? Encodings.isHex(value, prefix.length(), value.length(), 32)
                    : Encodings.isBase64(value, prefix.length(), value.length(), 32, false));
        }
        return noMatch(header, keys.size(), decodable, hex ? "64 hex digits after '" + prefix + "'" : "base64 of 32 bytes");
    }

    @Override
    Headers sign(WebhookRequest request, List<KeyMaterial> keys, Instant now) {
        // One header, one signature: the first key signs.
        KeyMaterial key = keys.get(0);
        Mac mac = key.hmac.mac();
        mac.update(request.rawBody());
        byte[] computed = key.hmac.finish(mac);
        String encoded = hex ? Encodings.hex(computed, key.hmac.length())
                : Encodings.base64(computed, key.hmac.length());
        return Headers.of(header, prefix + encoded);
    }

    @Override
    Optional<String> eventId(WebhookRequest request) {
        for (String idHeader : idHeaders) {
            Optional<String> id = request.headers().first(idHeader);
            if (id.isPresent() && !id.get().isBlank()) {
                return id;
            }
        }
        return Optional.empty();
    }

    @Override
    Optional<String> eventType(WebhookRequest request) {
        return request.headers().first(typeHeader);
    }
}
