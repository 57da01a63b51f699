package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.core.Headers;
import dev.inlet.webhooks.internal.Encodings;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;

/** Twilio's {@code X-Twilio-Signature}; see {@link SignatureScheme#twilio()}. */
final class TwilioScheme extends SignatureScheme {

    static final TwilioScheme INSTANCE = new TwilioScheme();
    static final String SIGNATURE = "X-Twilio-Signature";
    static final String BODY_HASH = "bodySHA256";
    private static final int SHA1_BYTES = 20;

    private TwilioScheme() {
    }

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    KeyMaterial prepare(String keyId, String secret) {
        return utf8HmacKey(name(), keyId, secret, "HmacSHA1");
    }

    /** What Twilio signs after the URL, or a failure. */
    private record Signed(byte[] suffix, VerificationResult failure) {
    }

    @Override
    VerificationResult verify(WebhookRequest request, List<KeyMaterial> keys, Instant now, Duration tolerance) {
        List<String> signatures = request.headers().all(SIGNATURE);
        if (signatures.isEmpty()) {
            return missing(SIGNATURE);
        }
        Signed signed = signedSuffix(request);
        if (signed.failure != null) {
            return signed.failure;
        }
        List<String> urls = urlVariants(request.url());
        for (KeyMaterial key : keys) {
            boolean matched = false;
            for (String url : urls) {
                byte[] expected = mac(key, url, signed.suffix);
                for (String raw : signatures) {
                    String value = raw.trim();
                    matched |= Encodings.asciiEquals(expected, expected.length, value, 0, value.length());
                }
            }
            if (matched) {
                return VerificationResult.valid(key.id, null);
            }
        }
        boolean decodable = false;
        for (String raw : signatures) {
            String value = raw.trim();
            decodable |= Encodings.isBase64(value, 0, value.length(), SHA1_BYTES, false);
        }
        return noMatch(SIGNATURE, keys.size(), decodable, "base64 of 20 bytes");
    }

    private static byte[] mac(KeyMaterial key, String url, byte[] suffix) {
        Mac mac = key.hmac.mac();
        mac.update(utf8(url));
        mac.update(suffix);
        return Encodings.base64Ascii(key.hmac.finish(mac), key.hmac.length());
    }

    /**
     * Form parameters sorted by name (then value), each as name + value; nothing for a body covered
     * by {@code bodySHA256} (checked here) or an empty body.
     */
    private static Signed signedSuffix(WebhookRequest request) {
        String bodyHash = queryParameter(request.url(), BODY_HASH);
        if (bodyHash != null) {
            byte[] actual = ascii(Encodings.hex(sha256(request.rawBody()), 32));
            byte[] declared = ascii(bodyHash.toLowerCase(Locale.ROOT));
            if (!MessageDigest.isEqual(actual, declared)) {
                return new Signed(null, VerificationResult.failure(FailureReason.NO_MATCHING_SIGNATURE,
                        "the body does not match the URL's " + BODY_HASH));
            }
            return new Signed(new byte[0], null);
        }
        if (isForm(request.headers())) {
            List<String[]> params = new ArrayList<>();
            String body = new String(request.rawBody(), StandardCharsets.UTF_8);
            try {
                for (String pair : body.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    params.add(new String[] {name, value});
                }
            } catch (IllegalArgumentException badEscape) {
                return new Signed(null, VerificationResult.failure(FailureReason.NO_MATCHING_SIGNATURE,
                        "the form body has an invalid %-escape, so its signature cannot match"));
            }
            params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
            StringBuilder suffix = new StringBuilder();
            for (String[] p : params) {
                suffix.append(p[0]).append(p[1]);
            }
            return new Signed(utf8(suffix.toString()), null);
        }
        if (request.bodyLength() > 0) {
            return new Signed(null, VerificationResult.failure(FailureReason.NO_MATCHING_SIGNATURE,
                    "the body is neither form-encoded nor covered by a " + BODY_HASH + " URL parameter: it is unsigned"));
        }
        return new Signed(new byte[0], null);
    }

    private static boolean isForm(Headers headers) {
        return headers.first("Content-Type").map(t -> t.toLowerCase(Locale.ROOT).trim()
                .startsWith("application/x-www-form-urlencoded")).orElse(false);
    }

    /** The URL as given, without its port, and with the scheme's default port, as Twilio's validators try. */
    static List<String> urlVariants(String url) {
        List<String> variants = new ArrayList<>(2);
        variants.add(url);
        try {
            URI uri = URI.create(url);
            if (uri.getRawAuthority() == null || uri.getHost() == null) {
                return variants;
            }
            String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
            String rest = url.substring(url.indexOf(uri.getRawAuthority()) + uri.getRawAuthority().length());
            String head = uri.getScheme() + "://" + userInfo + uri.getHost();
            if (uri.getPort() >= 0) {
                variants.add(head + rest);
            } else {
                int port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
                variants.add(head + ":" + port + rest);
            }
        } catch (IllegalArgumentException notAUri) {
            // Only the URL as given can match.
        }
        return variants;
    }

    private static String queryParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        String query = url.substring(q + 1);
        int hash = query.indexOf('#');
        for (String pair : (hash < 0 ? query : query.substring(0, hash)).split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    @Override
    Headers sign(WebhookRequest request, List<KeyMaterial> keys, Instant now) {
        Signed signed = signedSuffix(request);
        if (signed.failure != null) {
            throw new WebhookConfigException("WebhookSigner for twilio: " + signed.failure.detail(),
                    "send a form-encoded body, or add " + BODY_HASH + "=<hex SHA-256 of the body> to the URL");
        }
        byte[] signature = mac(keys.get(0), request.url(), signed.suffix);
        return Headers.of(SIGNATURE, new String(signature, StandardCharsets.US_ASCII));
    }

    @Override
    Optional<String> eventId(WebhookRequest request) {
        return request.headers().first("I-Twilio-Idempotency-Token");
    }

    @Override
    Optional<String> eventType(WebhookRequest request) {
        return isForm(request.headers()) ? Optional.empty() : super.eventType(request);
    }
}
