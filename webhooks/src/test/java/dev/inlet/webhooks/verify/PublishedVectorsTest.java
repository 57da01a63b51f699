package dev.inlet.webhooks.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Headers;
import dev.inlet.core.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every published vector in {@code webhook-vectors.json} verifies, and signing reproduces it. */
class PublishedVectorsTest {

    static final JsonNode VECTORS = load();

    static JsonNode load() {
        try (InputStream in = PublishedVectorsTest.class.getResourceAsStream("/webhook-vectors.json")) {
            return Json.mapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> names() {
        return VECTORS.propertyNames().stream().filter(n -> !n.startsWith("_"));
    }

    static SignatureScheme scheme(String name) {
        return switch (name) {
            case "standard-webhooks" -> SignatureScheme.standardWebhooks();
            case "stripe" -> SignatureScheme.stripe();
            case "github" -> SignatureScheme.github();
            case "shopify" -> SignatureScheme.shopify();
            case "hubspot-v3" -> SignatureScheme.hubSpotV3();
            case "slack" -> SignatureScheme.slack();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The vector's request with its expected signature, and the clock at its timestamp. */
    record Case(SignatureScheme scheme, WebhookRequest request, WebhookRequest unsigned, Clock clock, String secret,
            String header, String expected) {
    }

    static Case of(String name) {
        JsonNode v = VECTORS.get(name);
        SignatureScheme scheme = scheme(v.get("scheme").asString());
        String timestamp = v.path("timestamp").asString("");
        Instant at = timestamp.isEmpty() ? Instant.parse("2024-01-01T00:00:00Z")
                : scheme == SignatureScheme.hubSpotV3() ? Instant.ofEpochMilli(Long.parseLong(timestamp))
                : Instant.ofEpochSecond(Long.parseLong(timestamp));
        Headers.Builder base = Headers.builder();
        String expected = v.get("expected").asString();
        switch (scheme.name()) {
            case "standard-webhooks" -> base.add("webhook-id", v.get("id").asString());
            default -> { }
        }
        Headers unsignedHeaders = base.build();
        Headers.Builder signed = unsignedHeaders.toBuilder().add(v.get("header").asString(), expected);
        switch (scheme.name()) {
            case "standard-webhooks" -> signed.add("webhook-timestamp", timestamp);
            case "hubspot-v3" -> signed.add("X-HubSpot-Request-Timestamp", timestamp);
            case "slack" -> signed.add("X-Slack-Request-Timestamp", timestamp);
            default -> { }
        }
        String method = v.path("method").asString("POST");
        String url = v.path("url").asString("https://receiver.example/hook");
        byte[] body = v.get("payload").asString().getBytes(StandardCharsets.UTF_8);
        return new Case(scheme, WebhookRequest.of(method, url, signed.build(), body),
                WebhookRequest.of(method, url, unsignedHeaders, body), Clock.fixed(at, ZoneOffset.UTC),
                v.get("secret").asString(), v.get("header").asString(), expected);
    }

    @ParameterizedTest
    @MethodSource("names")
    void publishedVectorVerifies(String name) {
        Case c = of(name);
        WebhookVerifier verifier = WebhookVerifier.builder(c.scheme()).keyring(Keyring.builder()
                .add("published", c.secret()).build()).clock(c.clock()).build();

        VerificationResult result = verifier.verify(c.request());

        assertThat(result.isValid()).as(name + ": " + result).isTrue();
        assertThat(result.keyId()).contains("published");
    }

    @ParameterizedTest
    @MethodSource("names")
    void signerReproducesPublishedSignature(String name) {
        Case c = of(name);
        WebhookSigner signer = WebhookSigner.builder(c.scheme()).secret(c.secret()).clock(c.clock()).build();

        Headers headers = signer.signatureHeaders(c.unsigned());

        assertThat(headers.first(c.header())).as(name).contains(c.expected());
    }

    @ParameterizedTest
    @MethodSource("names")
    void tamperedBodyFailsForEveryVector(String name) {
        Case c = of(name);
        byte[] body = c.request().body();
        body[body.length - 1] ^= 1;
        WebhookRequest tampered = WebhookRequest.of(c.request().method(), c.request().url(), c.request().headers(), body);
        WebhookVerifier verifier = WebhookVerifier.builder(c.scheme()).secret(c.secret()).clock(c.clock()).build();

        assertThat(verifier.verify(tampered).reason()).as(name).contains(FailureReason.NO_MATCHING_SIGNATURE);
    }

    @Test
    void vectorFileNamesASourceForEveryVector() {
        names().forEach(n -> assertThat(VECTORS.get(n).path("source").asString("")).as(n).isNotBlank());
        assertThat(names().count()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void ed25519PublicKeyDerivedFromPublishedSeedVerifiesPublishedSignature() throws Exception {
        Case c = of("standard_webhooks_v1a");
        byte[] seed = java.util.Base64.getDecoder().decode(c.secret().substring(5));
        java.security.PublicKey pub = dev.inlet.webhooks.internal.Ed25519Keys.keyPair(seed).getPublic();
        byte[] encoded = pub.getEncoded();
        byte[] raw = java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        String whpk = "whpk_" + java.util.Base64.getEncoder().encodeToString(raw);
        WebhookVerifier verifier = WebhookVerifier.builder(c.scheme()).secret(whpk).clock(c.clock()).build();

        assertThat(verifier.verify(c.request()).isValid()).isTrue();
    }
}
