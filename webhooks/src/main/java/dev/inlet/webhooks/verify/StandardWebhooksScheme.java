package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.core.Headers;
import dev.inlet.webhooks.internal.Ed25519Keys;
import dev.inlet.webhooks.internal.Encodings;
import dev.inlet.webhooks.internal.HmacKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;

/** Standard Webhooks v1 (HMAC-SHA256) and v1a (Ed25519); see {@link SignatureScheme#standardWebhooks()}. */
final class StandardWebhooksScheme extends SignatureScheme {

    static final StandardWebhooksScheme INSTANCE = new StandardWebhooksScheme();

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";
    private static final String SVIX_PREFIX = "svix-";
    private static final int MIN_SECRET = 24;
    private static final int MAX_SECRET = 64;

    private static final ThreadLocal<Signature> ED25519 = ThreadLocal.withInitial(() -> {
        try {
            return Ed25519Keys.engine();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    });

    private StandardWebhooksScheme() {
    }

    @Override
    public String name() {
        return "standard-webhooks";
    }

    @Override
    KeyMaterial prepare(String keyId, String secret) {
        try {
            if (secret.startsWith("whpk_")) {
                return KeyMaterial.ed25519(keyId, Ed25519Keys.publicKey(base64(keyId, secret.substring(5))), null);
            }
            if (secret.startsWith("whsk_")) {
                KeyPair pair = Ed25519Keys.keyPair(base64(keyId, secret.substring(5)));
                return KeyMaterial.ed25519(keyId, pair.getPublic(), pair.getPrivate());
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidSecretException(keyId, name(), "not a valid Ed25519 key (" + e.getMessage() + ")",
                    "a whpk_/whsk_ key is the base64 of the 32 raw key bytes");
        }
        String encoded = secret.startsWith("whsec_") ? secret.substring(6) : secret;
        byte[] raw = base64(keyId, encoded);
        if (raw.length < MIN_SECRET || raw.length > MAX_SECRET) {
            throw new InvalidSecretException(keyId, name(),
                    "it decodes to " + raw.length + " bytes; the spec requires 24 to 64",
                    "generate a random secret of 24 to 64 bytes and share it as whsec_<base64>");
        }
        return KeyMaterial.hmac(keyId, new HmacKey("HmacSHA256", raw));
    }

    private byte[] base64(String keyId, String encoded) {
        byte[] raw = Encodings.decodeBase64(encoded);
        if (raw == null || encoded.isEmpty()) {
            throw new InvalidSecretException(keyId, name(), "the part after the prefix is not valid base64",
                    "copy the whole secret: whsec_ followed by base64");
        }
        return raw;
    }

    @Override
    VerificationResult verify(WebhookRequest request, List<KeyMaterial> keys, Instant now, Duration tolerance) {
        Headers headers = request.headers();
        String prefix = !headers.contains(SIGNATURE) && headers.contains(SVIX_PREFIX + "signature")
                ? SVIX_PREFIX : "webhook-";
        String idName = prefix + "id";
        String timestampName = prefix + "timestamp";
        String signatureName = prefix + "signature";
        boolean[] ambiguous = new boolean[1];
        String id = single(headers, idName, ambiguous);
        String timestamp = single(headers, timestampName, ambiguous);
        List<String> signatures = headers.all(signatureName);
        if (id == null) {
            return missing(idName);
        }
        if (timestamp == null) {
            return missing(timestampName);
        }
        if (signatures.isEmpty()) {
            return missing(signatureName);
        }
        if (ambiguous[0]) {
            return malformed(idName + "/" + timestampName, "is repeated with different values");
        }
        long seconds = parseDecimal(timestamp);
        if (seconds < 0) {
            return malformed(timestampName, "is not a number of seconds");
        }
        Instant signedAt = Instant.ofEpochSecond(seconds);
        VerificationResult stale = checkFreshness(signedAt, now, tolerance, timestampName);
        if (stale != null) {
            return stale;
        }
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        byte[] timestampBytes = ascii(timestamp);
        byte[] body = request.rawBody();
        byte[][] expected = new byte[keys.size()][];
        int wellFormed = 0;
        for (String value : signatures) {
            int n = value.length();
            int i = 0;
            while (i < n) {
                while (i < n && value.charAt(i) == ' ') {
                    i++;
                }
                int start = i;
                while (i < n && value.charAt(i) != ' ') {
                    i++;
                }
                int comma = indexOf(value, ',', start, i);
                if (comma < 0 || comma + 1 == i) {
                    continue;
                }
                if (regionIs(value, start, comma, "v1")) {
                    wellFormed += Encodings.isBase64(value, comma + 1, i, 32, false) ? 1 : 0;
                } else if (regionIs(value, start, comma, "v1a")) {
                    wellFormed += Encodings.isBase64(value, comma + 1, i, 64, false) ? 1 : 0;
                } else {
                    // A version this library does not know yet: well-formed for all we can tell.
                    wellFormed++;
                }
                String matched = null;
                if (regionIs(value, start, comma, "v1")) {
                    matched = matchHmac(keys, expected, idBytes, timestampBytes, body, value, comma + 1, i);
                } else if (regionIs(value, start, comma, "v1a")) {
                    matched = matchEd25519(keys, idBytes, timestampBytes, body, value.substring(comma + 1, i));
                }
                if (matched != null) {
                    return VerificationResult.valid(matched, signedAt);
                }
            }
        }
        if (wellFormed == 0) {
            return malformed(signatureName, "has no 'version,signature' entry that decodes (v1: base64 of 32 bytes,"
                    + " v1a: base64 of 64 bytes)");
        }
        return noMatch(signatureName, keys.size());
    }

    private static String matchHmac(List<KeyMaterial> keys, byte[][] expected, byte[] id, byte[] timestamp,
            byte[] body, String text, int from, int to) {
        for (int k = 0; k < keys.size(); k++) {
            KeyMaterial key = keys.get(k);
            if (key.hmac == null) {
                continue;
            }
            if (expected[k] == null) {
                // Computed once per key even when the header carries several v1 signatures.
                Mac mac = key.hmac.mac();
                update(mac, id, timestamp, body);
                expected[k] = Encodings.base64Ascii(key.hmac.finish(mac), key.hmac.length());
            }
            if (Encodings.asciiEquals(expected[k], expected[k].length, text, from, to)) {
                return key.id;
            }
        }
        return null;
    }

    private static String matchEd25519(List<KeyMaterial> keys, byte[] id, byte[] timestamp, byte[] body,
            String encoded) {
        byte[] signature = Encodings.decodeBase64(encoded);
        if (signature == null || signature.length != Ed25519Keys.SIGNATURE_LENGTH) {
            return null;
        }
        Signature engine = ED25519.get();
        for (KeyMaterial key : keys) {
            if (key.publicKey == null) {
                continue;
            }
            try {
                engine.initVerify(key.publicKey);
                engine.update(id);
                engine.update((byte) '.');
                engine.update(timestamp);
                engine.update((byte) '.');
                engine.update(body);
                if (engine.verify(signature)) {
                    return key.id;
                }
            } catch (GeneralSecurityException malformedSignature) {
                // An undecodable signature simply does not match.
            }
        }
        return null;
    }

    private static void update(Mac mac, byte[] id, byte[] timestamp, byte[] body) {
        mac.update(id);
        mac.update((byte) '.');
        mac.update(timestamp);
        mac.update((byte) '.');
        mac.update(body);
    }

    @Override
    Headers sign(WebhookRequest request, List<KeyMaterial> keys, Instant now) {
        String id = request.headers().first(ID).orElseThrow(() -> new WebhookConfigException(
                "Standard Webhooks signs the message id, and the request has no '" + ID + "' header",
                "add a unique, stable webhook-id header (e.g. msg_<random>) before signing"));
        String timestamp = Long.toString(now.getEpochSecond());
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        byte[] timestampBytes = ascii(timestamp);
        StringBuilder signatures = new StringBuilder();
        for (KeyMaterial key : keys) {
            String signature;
            if (key.hmac != null) {
                Mac mac = key.hmac.mac();
                update(mac, idBytes, timestampBytes, request.rawBody());
                signature = "v1," + Encodings.base64(key.hmac.finish(mac), key.hmac.length());
            } else if (key.privateKey != null) {
                signature = "v1a," + ed25519Sign(key, idBytes, timestampBytes, request.rawBody());
            } else {
                continue;
            }
            if (signatures.length() > 0) {
                signatures.append(' ');
            }
            signatures.append(signature);
        }
        return Headers.of(TIMESTAMP, timestamp, SIGNATURE, signatures.toString());
    }

    private static String ed25519Sign(KeyMaterial key, byte[] id, byte[] timestamp, byte[] body) {
        try {
            Signature engine = Ed25519Keys.engine();
            engine.initSign(key.privateKey);
            engine.update(id);
            engine.update((byte) '.');
            engine.update(timestamp);
            engine.update((byte) '.');
            engine.update(body);
            byte[] signature = engine.sign();
            return Encodings.base64(signature, signature.length);
        } catch (GeneralSecurityException e) {
            throw new WebhookConfigException("Ed25519 signing failed with key '" + key.id + "'",
                    "check that the whsk_ key is a 32-byte seed", e);
        }
    }

    @Override
    Optional<String> eventId(WebhookRequest request) {
        Optional<String> id = request.headers().first(ID);
        return id.isPresent() ? id : request.headers().first(SVIX_PREFIX + "id");
    }

    static int indexOf(String text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    static boolean regionIs(String text, int from, int to, String expected) {
        return to - from == expected.length() && text.regionMatches(from, expected, 0, expected.length());
    }
}
