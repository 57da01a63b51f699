package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour every scheme shares: round trip, tampering, wrong and rotated keys, headers, timestamps. */
class VerifierTest {

    static java.util.List<SchemeCase> cases() {
        return SchemeCase.all();
    }

    private static final Clock AT_NOW = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);

    static WebhookRequest signed(SchemeCase c, String secret, Clock clock, String body) {
        return WebhookSigner.builder(c.scheme()).secret(secret).clock(clock).build()
                .sign(Fixtures.unsigned("msg_1", body));
    }

    static WebhookVerifier verifier(SchemeCase c, Keyring keyring) {
        return WebhookVerifier.builder(c.scheme()).keyring(keyring).clock(AT_NOW).build();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void signedRequestVerifiesAndNamesTheKey(SchemeCase c) {
        String secret = c.secrets().get();
        WebhookRequest request = signed(c, secret, AT_NOW, "{\"type\":\"a.b\",\"id\":\"evt_1\"}");

        VerificationResult result = verifier(c, Keyring.builder().add("k1", secret).build()).verify(request);

        assertThat(result.isValid()).as(result.toString()).isTrue();
        assertThat(result.keyId()).contains("k1");
        assertThat(result.reason()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void tamperedBodyDoesNotVerify(SchemeCase c) {
        String secret = c.secrets().get();
        WebhookRequest request = signed(c, secret, AT_NOW, "{\"amount\":100}");
        WebhookRequest tampered = WebhookRequest.of(request.method(), request.url(), request.headers(),
                "{\"amount\":900}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(verifier(c, Keyring.of(secret)).verify(tampered).reason())
                .contains(FailureReason.NO_MATCHING_SIGNATURE);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void wrongSecretDoesNotVerify(SchemeCase c) {
        WebhookRequest request = signed(c, c.secrets().get(), AT_NOW, "{}");

        VerificationResult result = verifier(c, Keyring.of(c.secrets().get())).verify(request);

        assertThat(result.reason()).contains(FailureReason.NO_MATCHING_SIGNATURE);
        assertThat(result.keyId()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rotationAcceptsOldAndNewKeysAndSaysWhichMatched(SchemeCase c) {
        String oldSecret = c.secrets().get();
        String newSecret = c.secrets().get();
        Keyring both = Keyring.builder().add("2024", oldSecret).add("2025", newSecret).build();
        WebhookVerifier verifier = verifier(c, both);

        assertThat(verifier.verify(signed(c, oldSecret, AT_NOW, "{}")).keyId()).contains("2024");
        assertThat(verifier.verify(signed(c, newSecret, AT_NOW, "{}")).keyId()).contains("2025");
        WebhookVerifier retired = verifier(c, both.toBuilder().remove("2024").build());
        assertThat(retired.verify(signed(c, oldSecret, AT_NOW, "{}")).isValid()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void missingSignatureHeaderIsTyped(SchemeCase c) {
        String secret = c.secrets().get();
        WebhookRequest request = Fixtures.without(signed(c, secret, AT_NOW, "{}"), c.signatureHeader());

        VerificationResult result = verifier(c, Keyring.of(secret)).verify(request);

        assertThat(result.reason()).contains(FailureReason.MISSING_HEADER);
        assertThat(result.detail()).containsIgnoringCase(c.signatureHeader());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void emptyOrGarbageSignatureNeverMatches(SchemeCase c) {
        String secret = c.secrets().get();
        WebhookRequest good = signed(c, secret, AT_NOW, "{}");
        WebhookVerifier verifier = verifier(c, Keyring.of(secret));
        String timestampPart = c.timestampInSignatureHeader() ? "t=" + Fixtures.NOW.getEpochSecond() + "," : "";
        for (String bad : new String[] {"", " ", "v1,", "v1a,", "sha256=", "v0=", "sig=", timestampPart + "v1=",
            timestampPart + "v1=zz", "not a signature", "v1,!!!!", "sha256=" + "0".repeat(64)}) {
            VerificationResult result = verifier.verify(Fixtures.withHeader(good, c.signatureHeader(), bad));
            assertThat(result.isValid()).as("'" + bad + "'").isFalse();
            assertThat(result.reason().orElseThrow()).as("'" + bad + "'").isIn(FailureReason.MALFORMED_HEADER,
                    FailureReason.NO_MATCHING_SIGNATURE);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void headerNamesMatchInAnyCase(SchemeCase c) {
        String secret = c.secrets().get();
        WebhookRequest request = signed(c, secret, AT_NOW, "{}");
        dev.inlet.core.Headers.Builder upper = dev.inlet.core.Headers.builder();
        request.headers().forEach((name, value) -> upper.add(name.toUpperCase(Locale.ROOT), value));

        WebhookRequest shouting = WebhookRequest.of("POST", request.url(), upper.build(), request.body());

        assertThat(verifier(c, Keyring.of(secret)).verify(shouting).isValid()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aSecondSignatureHeaderValueIsAlsoConsidered(SchemeCase c) {
        String secret = c.secrets().get();
        WebhookRequest request = signed(c, secret, AT_NOW, "{}");
        String good = request.headers().first(c.signatureHeader()).orElseThrow();
        dev.inlet.core.Headers headers = request.headers().toBuilder().set(c.signatureHeader(), "v1,AAAA")
                .add(c.signatureHeader(), good).build();

        WebhookRequest twoValues = WebhookRequest.of("POST", request.url(), headers, request.body());

        assertThat(verifier(c, Keyring.of(secret)).verify(twoValues).isValid()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void timestampToleranceIsSymmetricAndConfigurable(SchemeCase c) {
        if (!c.signsTimestamp() && !c.timestampInSignatureHeader()) {
            assertThat(c.scheme().name()).isIn("github", "shopify");
            return;
        }
        String secret = c.secrets().get();
        Duration tolerance = Duration.ofSeconds(90);
        WebhookVerifier verifier = WebhookVerifier.builder(c.scheme()).secret(secret).clock(AT_NOW)
                .tolerance(tolerance).build();
        Clock stale = Clock.offset(AT_NOW, tolerance.plusSeconds(1).negated());
        Clock future = Clock.offset(AT_NOW, tolerance.plusSeconds(1));
        Clock edgePast = Clock.offset(AT_NOW, tolerance.negated());
        Clock edgeFuture = Clock.offset(AT_NOW, tolerance);

        assertThat(verifier.verify(signed(c, secret, stale, "{}")).reason()).contains(FailureReason.TIMESTAMP_TOO_OLD);
        assertThat(verifier.verify(signed(c, secret, future, "{}")).reason())
                .contains(FailureReason.TIMESTAMP_IN_FUTURE);
        assertThat(verifier.verify(signed(c, secret, edgePast, "{}")).isValid()).isTrue();
        assertThat(verifier.verify(signed(c, secret, edgeFuture, "{}")).isValid()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void defaultToleranceIsFiveMinutes(SchemeCase c) {
        WebhookVerifier verifier = WebhookVerifier.builder(c.scheme()).secret(c.secrets().get()).build();

        assertThat(verifier.tolerance()).isEqualTo(Duration.ofMinutes(5));
        assertThat(verifier.maxBodyBytes()).isEqualTo(1 << 20);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void nonNumericTimestampIsMalformed(SchemeCase c) {
        if (!c.signsTimestamp()) {
            return;
        }
        String secret = c.secrets().get();
        WebhookRequest request = Fixtures.withHeader(signed(c, secret, AT_NOW, "{}"), c.timestampHeader(), "soon");

        assertThat(verifier(c, Keyring.of(secret)).verify(request).reason()).contains(FailureReason.MALFORMED_HEADER);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void missingTimestampIsTyped(SchemeCase c) {
        if (!c.signsTimestamp()) {
            return;
        }
        String secret = c.secrets().get();
        WebhookRequest request = Fixtures.without(signed(c, secret, AT_NOW, "{}"), c.timestampHeader());

        assertThat(verifier(c, Keyring.of(secret)).verify(request).reason()).contains(FailureReason.MISSING_HEADER);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void bodyOverTheLimitIsRejectedBeforeAnyHashing(SchemeCase c) {
        String secret = c.secrets().get();
        WebhookRequest request = signed(c, secret, AT_NOW, "x".repeat(101));
        WebhookVerifier small = WebhookVerifier.builder(c.scheme()).secret(secret).clock(AT_NOW).maxBodyBytes(100)
                .build();

        assertThat(small.verify(request).reason()).contains(FailureReason.BODY_TOO_LARGE);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void secretsNeverAppearInToStringsOrResults(SchemeCase c) {
        String secret = c.secrets().get();
        Keyring keyring = Keyring.builder().add("live", secret).build();
        WebhookVerifier verifier = verifier(c, keyring);
        WebhookSigner signer = WebhookSigner.builder(c.scheme()).keyring(keyring).clock(AT_NOW).build();
        VerificationResult ok = verifier.verify(signer.sign(Fixtures.unsigned("m", "{}")));
        VerificationResult bad = verifier.verify(Fixtures.unsigned("m", "{}"));
        String core = secret.substring(secret.indexOf('_') + 1);

        for (String shown : Set.of(keyring.toString(), verifier.toString(), signer.toString(), ok.toString(),
                bad.toString(), ok.detail(), bad.detail(), signer.sign(Fixtures.unsigned("m", "{}")).toString())) {
            assertThat(shown).doesNotContain(core);
        }
    }
}
