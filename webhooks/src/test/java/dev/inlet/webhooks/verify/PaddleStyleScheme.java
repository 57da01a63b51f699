package dev.inlet.webhooks.verify;

import dev.inlet.core.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The README's {@link SignatureSchemeSpi} example, kept compiling and tested here: a
 * {@code Paddle-Signature: ts=<seconds>;h1=<hex HMAC-SHA256 of "ts:body">} header, which
 * {@link CustomHmac} cannot express (the timestamp is inside the signature header).
 */
final class PaddleStyleScheme implements SignatureSchemeSpi {

    @Override
    public String name() {
        return "paddle";
    }

    @Override
    public SchemeCheck check(WebhookRequest request, List<SchemeKey> keys, Instant now, Duration tolerance) {
        String header = request.headers().first("Paddle-Signature").orElse(null);
        if (header == null) {
            return SchemeCheck.failed(FailureReason.MISSING_HEADER, "header 'Paddle-Signature' is missing");
        }
        String ts = null;
        String h1 = null;
        for (String part : header.split(";")) {
            if (part.startsWith("ts=")) {
                ts = part.substring(3);
            } else if (part.startsWith("h1=")) {
                h1 = part.substring(3);
            }
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(h1 == null ? "" : h1);
            Instant signedAt = Instant.ofEpochSecond(Long.parseLong(ts == null ? "" : ts));
            if (given.length != 32) {
                throw new IllegalArgumentException("not a SHA-256");
            }
            if (signedAt.isBefore(now.minus(tolerance)) || signedAt.isAfter(now.plus(tolerance))) {
                return SchemeCheck.failed(FailureReason.TIMESTAMP_TOO_OLD, "ts is outside the tolerance");
            }
            for (SchemeKey key : keys) {
                byte[] expected = key.hmac(HmacAlgorithm.SHA256, (ts + ":").getBytes(StandardCharsets.UTF_8),
                        request.body());
                if (MessageDigest.isEqual(expected, given)) {
                    return SchemeCheck.matched(key, signedAt);
                }
            }
            return SchemeCheck.failed(FailureReason.NO_MATCHING_SIGNATURE, "no h1 matches the keyring");
        } catch (IllegalArgumentException malformed) {
            return SchemeCheck.failed(FailureReason.MALFORMED_HEADER, "Paddle-Signature needs ts=<seconds>;h1=<hex>");
        }
    }

    @Override
    public Headers sign(WebhookRequest request, SchemeKey key, Instant now) {
        String ts = Long.toString(now.getEpochSecond());
        byte[] h1 = key.hmac(HmacAlgorithm.SHA256, (ts + ":").getBytes(StandardCharsets.UTF_8), request.body());
        return Headers.of("Paddle-Signature", "ts=" + ts + ";h1=" + HexFormat.of().formatHex(h1));
    }
}
