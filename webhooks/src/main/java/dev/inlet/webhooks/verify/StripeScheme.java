package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.internal.JsonFields;
import dev.inlet.core.Headers;
import dev.inlet.webhooks.internal.Encodings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;

/** Stripe's {@code Stripe-Signature}; see {@link SignatureScheme#stripe()}. */
final class StripeScheme extends SignatureScheme {

    static final StripeScheme INSTANCE = new StripeScheme();
    static final String HEADER = "Stripe-Signature";

    private StripeScheme() {
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    KeyMaterial prepare(String keyId, String secret) {
        // Stripe keys the HMAC with the whole secret string, prefix included.
        return utf8HmacKey(name(), keyId, secret, "HmacSHA256");
    }

    @Override
    VerificationResult verify(WebhookRequest request, List<KeyMaterial> keys, Instant now, Duration tolerance) {
        List<String> values = request.headers().all(HEADER);
        if (values.isEmpty()) {
            return missing(HEADER);
        }
        // One header normally; if a proxy split it, each value is parsed on its own.
        long seconds = -1;
        int timestampCount = 0;
        int v1Count = 0;
        for (String value : values) {
            int n = value.length();
            int i = 0;
            while (i < n) {
                int start = i;
                while (i < n && value.charAt(i) != ',') {
                    i++;
                }
                int end = i++;
                int s = skipSpaces(value, start, end);
                if (end - s > 2 && value.charAt(s) == 't' && value.charAt(s + 1) == '=') {
                    long parsed = parseDecimal(value.substring(s + 2, end).trim());
                    if (parsed < 0 || (timestampCount > 0 && parsed != seconds)) {
                        return malformed(HEADER, "has a timestamp that is not a single number of seconds");
                    }
                    seconds = parsed;
                    timestampCount++;
                } else if (end - s > 3 && value.startsWith("v1=", s)) {
                    v1Count++;
                }
            }
        }
        if (seconds < 0) {
            return malformed(HEADER, "has no t=<timestamp> element");
        }
        if (v1Count == 0) {
            return malformed(HEADER, "has no v1=<signature> element");
        }
        Instant signedAt = Instant.ofEpochSecond(seconds);
        VerificationResult stale = checkFreshness(signedAt, now, tolerance, HEADER + " t");
        if (stale != null) {
            return stale;
        }
        byte[] prefix = ascii(seconds + ".");
        byte[] body = request.rawBody();
        for (KeyMaterial key : keys) {
            Mac mac = key.hmac.mac();
            mac.update(prefix);
            mac.update(body);
            byte[] expected = key.hmac.finish(mac);
            int length = key.hmac.length();
            for (String value : values) {
                if (anyV1Matches(value, expected, length)) {
                    return VerificationResult.valid(key.id, signedAt);
                }
            }
        }
        boolean decodable = false;
        for (String value : values) {
            decodable |= anyV1Decodable(value);
        }
        return noMatch(HEADER, keys.size(), decodable, "a v1= element of 64 hex digits");
    }

    private static boolean anyV1Decodable(String value) {
        for (String element : value.split(",")) {
            String e = element.trim();
            if (e.startsWith("v1=") && Encodings.isHex(e, 3, e.length(), 32)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyV1Matches(String value, byte[] expected, int length) {
        int n = value.length();
        int i = 0;
        boolean matched = false;
        while (i < n) {
            int start = i;
            while (i < n && value.charAt(i) != ',') {
                i++;
            }
            int end = i++;
            int s = skipSpaces(value, start, end);
            if (end - s > 3 && value.startsWith("v1=", s)) {
                // No early exit: every v1 element is compared, so timing does not reveal which matched.
                matched |= Encodings.hexEquals(expected, length, value, s + 3, trimEnd(value, s + 3, end));
            }
        }
        return matched;
    }

    private static int skipSpaces(String text, int from, int to) {
        while (from < to && text.charAt(from) == ' ') {
            from++;
        }
        return from;
    }

    private static int trimEnd(String text, int from, int to) {
        while (to > from && text.charAt(to - 1) == ' ') {
            to--;
        }
        return to;
    }

    @Override
    Headers sign(WebhookRequest request, List<KeyMaterial> keys, Instant now) {
        long seconds = now.getEpochSecond();
        StringBuilder header = new StringBuilder("t=").append(seconds);
        byte[] prefix = ascii(seconds + ".");
        for (KeyMaterial key : keys) {
            Mac mac = key.hmac.mac();
            mac.update(prefix);
            mac.update(request.rawBody());
            header.append(",v1=").append(Encodings.hex(key.hmac.finish(mac), key.hmac.length()));
        }
        return Headers.of(HEADER, header.toString());
    }

    @Override
    Optional<String> eventId(WebhookRequest request) {
        return JsonFields.topLevelString(request.rawBody(), "id");
    }
}
