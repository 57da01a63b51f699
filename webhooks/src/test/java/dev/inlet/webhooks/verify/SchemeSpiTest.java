package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Headers;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schemes written by users through {@link SignatureSchemeSpi}, and who may say "valid". */
class SchemeSpiTest {

    private static final Clock AT_NOW = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);

    @Test
    void aUserSchemeSignsVerifiesAndNamesTheMatchingKey() {
        SignatureScheme paddle = SignatureScheme.of(new PaddleStyleScheme());
        Keyring keys = Keyring.builder().add("old", "pdl_ntfset_old").add("new", "pdl_ntfset_new").build();
        WebhookRequest signed = WebhookSigner.builder(paddle).secret("pdl_ntfset_new").clock(AT_NOW).build()
                .sign(WebhookRequest.post(Fixtures.URL, Headers.empty(), "{\"event_type\":\"a\"}".getBytes()));
        WebhookVerifier verifier = WebhookVerifier.builder(paddle).keyring(keys).clock(AT_NOW).build();

        VerificationResult result = verifier.verify(signed);
        assertThat(result.isValid()).as(result.toString()).isTrue();
        assertThat(result.keyId()).contains("new");
        assertThat(result.timestamp()).contains(Fixtures.NOW);
        assertThat(verifier.verify(WebhookRequest.post(Fixtures.URL, signed.headers(), "{}".getBytes())).reason())
                .contains(FailureReason.NO_MATCHING_SIGNATURE);
        assertThat(verifier.verify(Fixtures.withHeader(signed, "Paddle-Signature", "ts=1;h1=zz")).reason())
                .contains(FailureReason.MALFORMED_HEADER);
        assertThat(paddle.name()).isEqualTo("paddle");
    }

    @Test
    void aSchemeCannotVouchForAKeyOutsideTheKeyringAndExceptionsAreNotAVerdict() {
        SchemeKey foreign = new SchemeKey("primary", "x".getBytes());
        SignatureScheme liar = SignatureScheme.of(new SignatureSchemeSpi() {
            @Override
            public String name() {
                return "liar";
            }

            @Override
            public SchemeCheck check(WebhookRequest request, List<SchemeKey> keys, Instant now, Duration tolerance) {
                return SchemeCheck.matched(foreign, null);
            }
        });
        SignatureScheme broken = SignatureScheme.of(new SignatureSchemeSpi() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public SchemeCheck check(WebhookRequest request, List<SchemeKey> keys, Instant now, Duration tolerance) {
                throw new IllegalStateException("bug");
            }
        });
        WebhookRequest any = Fixtures.unsigned("m", "{}");

        assertThat(WebhookVerifier.builder(liar).secret("x").build().verify(any).isValid()).isFalse();
        assertThat(WebhookVerifier.builder(broken).secret("x").build().verify(any).isValid()).isFalse();
    }

    @Test
    void onlyAVerifierCanCreateAValidResult() throws Exception {
        Method valid = VerificationResult.class.getDeclaredMethod("valid", String.class, Instant.class);

        assertThat(Modifier.isPublic(valid.getModifiers())).isFalse();
        assertThat(Arrays.stream(VerificationResult.class.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)).containsExactly("failure");
        assertThat(Arrays.stream(VerificationResult.class.getConstructors())).isEmpty();
    }
}
