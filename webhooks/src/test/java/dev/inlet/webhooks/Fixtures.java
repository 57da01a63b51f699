package dev.inlet.webhooks;

import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.core.Headers;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/** Secrets and requests shared by the tests. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    public static final String URL = "https://receiver.example/hooks/test?x=1";

    private Fixtures() {
    }

    /** A fresh Standard Webhooks secret of {@code bytes} random bytes. */
    public static String whsec(int bytes) {
        byte[] raw = new byte[bytes];
        new SecureRandom().nextBytes(raw);
        return "whsec_" + Base64.getEncoder().encodeToString(raw);
    }

    /** A fresh Ed25519 seed as a whsk_ key. */
    public static String whsk() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return "whsk_" + Base64.getEncoder().encodeToString(raw);
    }

    public static WebhookRequest unsigned(String id, String body) {
        Headers headers = id == null ? Headers.empty() : Headers.of("webhook-id", id);
        return WebhookRequest.post(URL, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    public static WebhookRequest withHeader(WebhookRequest r, String name, String value) {
        return WebhookRequest.of(r.method(), r.url(), r.headers().with(name, value), r.body());
    }

    public static WebhookRequest without(WebhookRequest r, String name) {
        return WebhookRequest.of(r.method(), r.url(), r.headers().without(name), r.body());
    }
}
