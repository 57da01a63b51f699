package dev.inlet.webhooks.verify;

import dev.inlet.core.Headers;
import dev.inlet.webhooks.internal.Encodings;
import dev.inlet.webhooks.internal.HmacKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;

/** A caller-described HMAC scheme; see {@link CustomHmac}. */
final class CustomHmacScheme extends SignatureScheme {

    private static final int MIN_SECRET = 24;
    private static final int MAX_SECRET = 64;

    private final CustomHmac spec;

    CustomHmacScheme(CustomHmac spec) {
        this.spec = spec;
    }

    @Override
    public String name() {
        return spec.name;
    }

    @Override
    KeyMaterial prepare(String keyId, String secret) {
        String text = secret.startsWith(spec.secretPrefix) ? secret.substring(spec.secretPrefix.length()) : secret;
        if (spec.secretEncoding == ByteEncoding.UTF8) {
            return utf8HmacKey(name(), keyId, text, spec.algorithm.jcaName());
        }
        byte[] raw = switch (spec.secretEncoding) {
            case HEX -> Encodings.decodeHex(text);
            case BASE64 -> Encodings.decodeBase64(text);
            case BASE64URL -> decodeBase64Url(text);
            default -> throw new IllegalStateException(spec.secretEncoding.name());
        };
        if (raw == null || text.isEmpty()) {
            throw new InvalidSecretException(keyId, name(), "it is not valid " + spec.secretEncoding,
                    "copy the whole secret, or change secretEncoding");
        }
        if (raw.length < MIN_SECRET || raw.length > MAX_SECRET) {
            throw new InvalidSecretException(keyId, name(), "it decodes to " + raw.length + " bytes, not 24 to 64",
                    "use a random secret of 24 to 64 bytes");
        }
        return KeyMaterial.hmac(keyId, new HmacKey(spec.algorithm.jcaName(), raw));
    }

    private static byte[] decodeBase64Url(String text) {
        try {
            return java.util.Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    @Override
    VerificationResult verify(WebhookRequest request, List<KeyMaterial> keys, Instant now, Duration tolerance) {
        List<String> values = request.headers().all(spec.signatureHeader);
        if (values.isEmpty()) {
            return missing(spec.signatureHeader);
        }
        String timestamp = null;
        Instant signedAt = null;
        if (spec.timestampHeader != null) {
            boolean[] ambiguous = new boolean[1];
            timestamp = single(request.headers(), spec.timestampHeader, ambiguous);
            if (timestamp == null) {
                return missing(spec.timestampHeader);
            }
            long number = parseDecimal(timestamp);
            if (number < 0 || ambiguous[0]) {
                return malformed(spec.timestampHeader, "is not a single non-negative number");
            }
            signedAt = spec.timestampUnit == ChronoUnit.MILLIS ? Instant.ofEpochMilli(number)
                    : Instant.ofEpochSecond(number);
        }
        List<String> candidates = candidates(values);
        if (candidates.isEmpty()) {
            return malformed(spec.signatureHeader, "has no signature"
                    + (spec.signaturePrefix.isEmpty() ? "" : " starting with '" + spec.signaturePrefix + "'"));
        }
        if (signedAt != null) {
            VerificationResult stale = checkFreshness(signedAt, now, tolerance, spec.timestampHeader);
            if (stale != null) {
                return stale;
            }
        }
        int prefix = spec.signaturePrefix.length();
        for (KeyMaterial key : keys) {
            byte[] computed = compute(key, request, timestamp);
            int length = key.hmac.length();
            byte[] ascii = switch (spec.signatureEncoding) {
                case BASE64 -> Encodings.base64Ascii(computed, length);
                case BASE64URL -> Encodings.base64UrlAscii(computed, length);
                default -> null;
            };
            boolean matched = false;
            for (String candidate : candidates) {
                if (ascii == null) {
                    matched |= Encodings.hexEquals(computed, length, candidate, prefix, candidate.length());
                } else {
                    int end = candidate.length();
                    if (spec.signatureEncoding == ByteEncoding.BASE64URL) {
                        while (end > prefix && candidate.charAt(end - 1) == '=') {
                            end--;
                        }
                    }
                    matched |= Encodings.asciiEquals(ascii, ascii.length, candidate, prefix, end);
                }
            }
            if (matched) {
                return VerificationResult.valid(key.id, signedAt);
            }
        }
        int macLength = keys.get(0).hmac.length();
        boolean decodable = false;
        for (String candidate : candidates) {
            decodable |= switch (spec.signatureEncoding) {
                case BASE64 -> Encodings.isBase64(candidate, prefix, candidate.length(), macLength, false);
                case BASE64URL -> Encodings.isBase64(candidate, prefix, candidate.length(), macLength, true);
                default -> Encodings.isHex(candidate, prefix, candidate.length(), macLength);
            };
        }
        return noMatch(spec.signatureHeader, keys.size(), decodable,
                spec.signatureEncoding + " of " + macLength + " bytes after '" + spec.signaturePrefix + "'");
    }

    private List<String> candidates(List<String> values) {
        List<String> out = new ArrayList<>(2);
        for (String value : values) {
            if (spec.signatureDelimiter == null) {
                addCandidate(out, value);
                continue;
            }
            int from = 0;
            int at;
            while ((at = value.indexOf(spec.signatureDelimiter, from)) >= 0) {
                addCandidate(out, value.substring(from, at));
                from = at + spec.signatureDelimiter.length();
            }
            addCandidate(out, value.substring(from));
        }
        return out;
    }

    private void addCandidate(List<String> out, String raw) {
        String value = raw.trim();
        if (value.length() > spec.signaturePrefix.length() && value.startsWith(spec.signaturePrefix)) {
            out.add(value);
        }
    }

    private byte[] compute(KeyMaterial key, WebhookRequest request, String timestamp) {
        Mac mac = key.hmac.mac();
        for (SignedPart part : spec.signedContent) {
            switch (part.kind) {
                case BODY -> mac.update(request.rawBody());
                case METHOD -> mac.update(ascii(request.method().toUpperCase(Locale.ROOT)));
                case URL -> mac.update(request.url().getBytes(StandardCharsets.UTF_8));
                case TIMESTAMP -> mac.update(ascii(timestamp));
                case HEADER -> mac.update(request.headers().first(part.text).orElse("")
                        .getBytes(StandardCharsets.UTF_8));
                case LITERAL -> mac.update(part.text.getBytes(StandardCharsets.UTF_8));
                default -> throw new IllegalStateException(part.kind.name());
            }
        }
        return key.hmac.finish(mac);
    }

    @Override
    Headers sign(WebhookRequest request, List<KeyMaterial> keys, Instant now) {
        Headers.Builder out = Headers.builder();
        String timestamp = null;
        if (spec.timestampHeader != null) {
            timestamp = Long.toString(spec.timestampUnit == ChronoUnit.MILLIS ? now.toEpochMilli() : now.getEpochSecond());
            out.set(spec.timestampHeader, timestamp);
        }
        List<KeyMaterial> signing = spec.signatureDelimiter == null ? keys.subList(0, 1) : keys;
        StringBuilder value = new StringBuilder();
        for (KeyMaterial key : signing) {
            byte[] computed = compute(key, request, timestamp);
            int length = key.hmac.length();
            String encoded = switch (spec.signatureEncoding) {
                case BASE64 -> Encodings.base64(computed, length);
                case BASE64URL -> new String(Encodings.base64UrlAscii(computed, length), StandardCharsets.US_ASCII);
                default -> Encodings.hex(computed, length);
            };
            if (value.length() > 0) {
                value.append(spec.signatureDelimiter);
            }
            value.append(spec.signaturePrefix).append(encoded);
        }
        out.set(spec.signatureHeader, value.toString());
        return out.build();
    }

    @Override
    Optional<String> eventId(WebhookRequest request) {
        return spec.eventIdHeader == null ? Optional.empty() : request.headers().first(spec.eventIdHeader);
    }

    @Override
    Optional<String> eventType(WebhookRequest request) {
        return spec.eventTypeHeader == null ? super.eventType(request) : request.headers().first(spec.eventTypeHeader);
    }
}
