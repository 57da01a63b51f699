package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Headers;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One rule for every scheme: a signature header none of whose signatures can even be decoded
 * ({@code sha256=zz}) is MALFORMED_HEADER (400); a decodable signature that does not match is
 * NO_MATCHING_SIGNATURE (401).
 */
class UndecodableSignatureTest {

    private static final Clock AT_NOW = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);

    /** A scheme, a secret, a signable request, and an undecodable value for its signature header. */
    record Case(String label, SignatureScheme scheme, String secret, WebhookRequest request, String header,
            String undecodable, String wrongButDecodable) {
        @Override
        public String toString() {
            return label;
        }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        WebhookRequest json = Fixtures.unsigned("msg_1", "{\"id\":\"evt_1\",\"type\":\"a\"}");
        String hex64 = "ab".repeat(32);
        String b64of32 = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        for (SchemeCase c : SchemeCase.all()) {
            String secret = c.secrets().get();
            String[] bad = switch (c.label()) {
                case "standard-v1" -> new String[] {"v1,zz", "v1," + b64of32};
                case "standard-v1a" -> new String[] {"v1a,zz", "v1a," + java.util.Base64.getEncoder()
                        .encodeToString(new byte[64])};
                case "stripe" -> new String[] {"t=" + Fixtures.NOW.getEpochSecond() + ",v1=zz",
                        "t=" + Fixtures.NOW.getEpochSecond() + ",v1=" + hex64};
                case "github" -> new String[] {"sha256=zz", "sha256=" + hex64};
                case "slack" -> new String[] {"v0=zz", "v0=" + hex64};
                case "custom" -> new String[] {"sig=zz", "sig=" + java.util.Base64.getEncoder()
                        .encodeToString(new byte[64])};
                default -> new String[] {"zz", b64of32};
            };
            out.add(new Case(c.label(), c.scheme(), secret, json, c.signatureHeader(), bad[0], bad[1]));
        }
        WebhookRequest form = WebhookRequest.post(Fixtures.URL,
                Headers.of("Content-Type", "application/x-www-form-urlencoded"), "A=1&B=2".getBytes());
        out.add(new Case("twilio", SignatureScheme.twilio(), "token", form, "X-Twilio-Signature", "zz",
                java.util.Base64.getEncoder().encodeToString(new byte[20])));
        out.add(new Case("hubspot-v1", SignatureScheme.hubSpotV1(), "s", json, "X-HubSpot-Signature", "zz", hex64));
        out.add(new Case("hubspot-v2", SignatureScheme.hubSpotV2(), "s", json, "X-HubSpot-Signature", "zz", hex64));
        out.add(new Case("spi", SignatureScheme.of(new PaddleStyleScheme()), "s", json, "Paddle-Signature",
                "ts=" + Fixtures.NOW.getEpochSecond() + ";h1=zz", "ts=" + Fixtures.NOW.getEpochSecond() + ";h1=" + hex64));
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void undecodableIsMalformedAndDecodableButWrongIsNoMatch(Case c) {
        WebhookRequest signed = WebhookSigner.builder(c.scheme()).secret(c.secret()).clock(AT_NOW).build()
                .sign(c.request());
        WebhookVerifier verifier = WebhookVerifier.builder(c.scheme()).secret(c.secret()).clock(AT_NOW).build();

        VerificationResult undecodable = verifier.verify(Fixtures.withHeader(
                Fixtures.without(signed, c.header()), c.header(), c.undecodable()));
        VerificationResult wrong = verifier.verify(Fixtures.withHeader(
                Fixtures.without(signed, c.header()), c.header(), c.wrongButDecodable()));

        assertThat(verifier.verify(signed).isValid()).as("signed").isTrue();
        assertThat(undecodable.reason()).as(undecodable.toString()).contains(FailureReason.MALFORMED_HEADER);
        assertThat(undecodable.reason().orElseThrow().httpStatus()).isEqualTo(400);
        assertThat(wrong.reason()).as(wrong.toString()).contains(FailureReason.NO_MATCHING_SIGNATURE);
    }
}
