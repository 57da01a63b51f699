package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.internal.JsonFields;
import dev.inlet.core.Headers;
import dev.inlet.webhooks.internal.Encodings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;

/** HubSpot request signature v3; see {@link SignatureScheme#hubSpotV3()}. */
final class HubSpotV3Scheme extends SignatureScheme {

    static final HubSpotV3Scheme INSTANCE = new HubSpotV3Scheme();
    static final String SIGNATURE = "X-HubSpot-Signature-v3";
    static final String TIMESTAMP = "X-HubSpot-Request-Timestamp";

    /** HubSpot's documented list of escapes to decode in the URI before signing. */
    private static final String DECODED = ":/?@!$'()*,;";
    private static final String[] ESCAPES = {
        "3A", "2F", "3F", "40", "21", "24", "27", "28", "29", "2A", "2C", "3B"
    };

    private HubSpotV3Scheme() {
    }

    @Override
    public String name() {
        return "hubspot-v3";
    }

    @Override
    KeyMaterial prepare(String keyId, String secret) {
        return utf8HmacKey(name(), keyId, secret, "HmacSHA256");
    }

    @Override
    VerificationResult verify(WebhookRequest request, List<KeyMaterial> keys, Instant now, Duration tolerance) {
        boolean[] ambiguous = new boolean[1];
        String timestamp = single(request.headers(), TIMESTAMP, ambiguous);
        List<String> signatures = request.headers().all(SIGNATURE);
        if (signatures.isEmpty()) {
            return missing(SIGNATURE);
        }
        if (timestamp == null) {
            return missing(TIMESTAMP);
        }
        long millis = parseDecimal(timestamp);
        if (millis < 0 || ambiguous[0]) {
            return malformed(TIMESTAMP, "is not a single number of milliseconds");
        }
        Instant signedAt = Instant.ofEpochMilli(millis);
        VerificationResult stale = checkFreshness(signedAt, now, tolerance, TIMESTAMP);
        if (stale != null) {
            return stale;
        }
        byte[] head = utf8(request.method().toUpperCase(Locale.ROOT) + decodeUri(request.url()));
        byte[] tail = ascii(timestamp);
        for (KeyMaterial key : keys) {
            byte[] expected = mac(key, head, request.rawBody(), tail);
            boolean matched = false;
            for (String signature : signatures) {
                String value = signature.trim();
                matched |= Encodings.asciiEquals(expected, expected.length, value, 0, value.length());
            }
            if (matched) {
                return VerificationResult.valid(key.id, signedAt);
            }
        }
        boolean decodable = false;
        for (String signature : signatures) {
            String value = signature.trim();
            decodable |= Encodings.isBase64(value, 0, value.length(), 32, false);
        }
        return noMatch(SIGNATURE, keys.size(), decodable, "base64 of 32 bytes");
    }

    private static byte[] mac(KeyMaterial key, byte[] head, byte[] body, byte[] tail) {
        Mac mac = key.hmac.mac();
        mac.update(head);
        mac.update(body);
        mac.update(tail);
        return Encodings.base64Ascii(key.hmac.finish(mac), key.hmac.length());
    }

    /** Decodes exactly HubSpot's listed escapes (either hex case); every other escape stays as sent. */
    static String decodeUri(String uri) {
        if (uri.indexOf('%') < 0) {
            return uri;
        }
        StringBuilder out = new StringBuilder(uri.length());
        int i = 0;
        while (i < uri.length()) {
            char c = uri.charAt(i);
            if (c == '%' && i + 3 <= uri.length()) {
                String hex = uri.substring(i + 1, i + 3).toUpperCase(Locale.ROOT);
                int index = indexOfEscape(hex);
                if (index >= 0) {
                    out.append(DECODED.charAt(index));
                    i += 3;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static int indexOfEscape(String hex) {
        for (int i = 0; i < ESCAPES.length; i++) {
            if (ESCAPES[i].equals(hex)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    Headers sign(WebhookRequest request, List<KeyMaterial> keys, Instant now) {
        String timestamp = Long.toString(now.toEpochMilli());
        byte[] head = utf8(request.method().toUpperCase(Locale.ROOT) + decodeUri(request.url()));
        byte[] signature = mac(keys.get(0), head, request.rawBody(), ascii(timestamp));
        return Headers.of(SIGNATURE, new String(signature, java.nio.charset.StandardCharsets.US_ASCII),
                TIMESTAMP, timestamp);
    }

    @Override
    Optional<String> eventType(WebhookRequest request) {
        return JsonFields.firstElementString(request.rawBody(), "subscriptionType");
    }
}
