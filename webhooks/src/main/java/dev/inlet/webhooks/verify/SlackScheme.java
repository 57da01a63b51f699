package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.internal.JsonFields;
import dev.inlet.core.Headers;
import dev.inlet.webhooks.internal.Encodings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;

/** Slack's {@code v0} request signing; see {@link SignatureScheme#slack()}. */
final class SlackScheme extends SignatureScheme {

    static final SlackScheme INSTANCE = new SlackScheme();
    static final String SIGNATURE = "X-Slack-Signature";
    static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    private static final String VERSION = "v0=";

    private SlackScheme() {
    }

    @Override
    public String name() {
        return "slack";
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
        long seconds = parseDecimal(timestamp);
        if (seconds < 0 || ambiguous[0]) {
            return malformed(TIMESTAMP, "is not a single number of seconds");
        }
        boolean wellFormed = false;
        for (String signature : signatures) {
            wellFormed |= signature.trim().startsWith(VERSION) && signature.trim().length() > VERSION.length();
        }
        if (!wellFormed) {
            return malformed(SIGNATURE, "has no v0=<hex> signature");
        }
        Instant signedAt = Instant.ofEpochSecond(seconds);
        VerificationResult stale = checkFreshness(signedAt, now, tolerance, TIMESTAMP);
        if (stale != null) {
            return stale;
        }
        byte[] head = ascii("v0:" + timestamp + ":");
        for (KeyMaterial key : keys) {
            Mac mac = key.hmac.mac();
            mac.update(head);
            mac.update(request.rawBody());
            byte[] computed = key.hmac.finish(mac);
            boolean matched = false;
            for (String raw : signatures) {
                String value = raw.trim();
                if (value.startsWith(VERSION)) {
                    matched |= Encodings.hexEquals(computed, key.hmac.length(), value, VERSION.length(), value.length());
                }
            }
            if (matched) {
                return VerificationResult.valid(key.id, signedAt);
            }
        }
        boolean decodable = false;
        for (String raw : signatures) {
            String value = raw.trim();
            decodable |= value.startsWith(VERSION) && Encodings.isHex(value, VERSION.length(), value.length(), 32);
        }
        return noMatch(SIGNATURE, keys.size(), decodable, "v0= followed by 64 hex digits");
    }

    @Override
    Headers sign(WebhookRequest request, List<KeyMaterial> keys, Instant now) {
        String timestamp = Long.toString(now.getEpochSecond());
        KeyMaterial key = keys.get(0);
        Mac mac = key.hmac.mac();
        mac.update(ascii("v0:" + timestamp + ":"));
        mac.update(request.rawBody());
        String hex = Encodings.hex(key.hmac.finish(mac), key.hmac.length());
        return Headers.of(SIGNATURE, VERSION + hex, TIMESTAMP, timestamp);
    }

    @Override
    Optional<String> eventId(WebhookRequest request) {
        return JsonFields.topLevelString(request.rawBody(), "event_id");
    }
}
