package dev.inlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.webhooks.verify.CustomHmac;
import dev.inlet.webhooks.verify.FailureReason;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vendor's signature, checked by the webhooks module's own verifier. */
class WebhookSenderTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    static final String WHSEC = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    static final String WHSK = "whsk_" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    static Stream<Arguments> schemes() {
        return Stream.of(
                Arguments.of(SignatureScheme.standardWebhooks(), WHSEC),
                Arguments.of(SignatureScheme.standardWebhooks(), WHSK), // v1a, Ed25519
                Arguments.of(SignatureScheme.stripe(), "whsec_stripe"),
                Arguments.of(SignatureScheme.github(), "gh-secret"),
                Arguments.of(SignatureScheme.shopify(), "shop-secret"),
                Arguments.of(SignatureScheme.hubSpotV3(), "hub-secret"),
                Arguments.of(SignatureScheme.slack(), "slack-secret"),
                Arguments.of(SignatureScheme.customHmac(CustomHmac.builder("X-Acme-Signature").build()), "acme"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void theVendorsSignatureVerifiesAndATamperedOneDoesNot(SignatureScheme scheme, String secret) {
        try (FakeApi sink = FakeApi.builder().start()) { // any HTTP server; it answers 404 to POSTs
            WebhookSender sender = WebhookSender.builder(scheme, URI.create(sink.baseUrl() + "/hook"))
                    .secret(secret).clock(CLOCK).noRetries().build();
            WebhookVerifier verifier = WebhookVerifier.builder(scheme).secret(secret).clock(CLOCK).build();
            Delivery delivery = Delivery.json("{\"id\":\"evt_1\",\"type\":\"x.y\"}").withType("x.y");

            assertThat(verifier.verify(sender.send(delivery).request()).isValid()).isTrue();
            assertThat(verifier.verify(sender.sendTampered(delivery).request()).isValid()).isFalse();
            assertThat(sink.requests()).hasSize(2).allMatch(r -> r.method().equals("POST"));
        }
    }

    @Test
    void aStaleSignatureIsOutsideTheTolerance() {
        try (FakeApi sink = FakeApi.builder().start()) {
            WebhookSender sender = WebhookSender.builder(SignatureScheme.stripe(), URI.create(sink.baseUrl() + "/h"))
                    .secret("whsec_x").clock(CLOCK).noRetries().build();
            WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.stripe()).secret("whsec_x")
                    .clock(CLOCK).build();
            SendResult stale = sender.sendStale(Delivery.json("{}"), Duration.ofMinutes(10));
            assertThat(verifier.verify(stale.request()).reason()).contains(FailureReason.TIMESTAMP_TOO_OLD);
            SendResult replayed = sender.replay(stale);
            assertThat(replayed.request()).isEqualTo(stale.request());
        }
    }

    @Test
    void nonSuccessAnswersAreRetriedOnTheSchedule() {
        try (FakeApi sink = FakeApi.builder().start()) {
            List<Duration> waits = new ArrayList<>();
            WebhookSender sender = WebhookSender.builder(SignatureScheme.github(), URI.create(sink.baseUrl() + "/h"))
                    .secret("s").retrySchedule(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)))
                    .sleeper(waits::add).build();
            SendResult result = sender.send(Delivery.json("{}").withId("d-1"));
            assertThat(result.statuses()).containsExactly(404, 404, 404);
            assertThat(result.delivered()).isFalse();
            assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5));
            assertThat(sink.requests()).allMatch(r -> "d-1".equals(r.header("X-GitHub-Delivery")));
        }
    }
}
