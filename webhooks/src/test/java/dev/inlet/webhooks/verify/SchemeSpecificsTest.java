package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.Fixtures;
import dev.inlet.webhooks.WebhookConfigException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Headers;
import dev.inlet.core.error.InletException;
import dev.inlet.webhooks.internal.Encodings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** What only some schemes do: secret formats, multi-signature headers, URI decoding, Svix names. */
class SchemeSpecificsTest {

    private static final Clock AT_NOW = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);

    @Test
    void standardWebhooksSecretsAreCheckedWhenTheVerifierIsBuilt() {
        String notBase64 = "whsec_this is not base64!!";
        String tooShort = "whsec_" + Base64.getEncoder().encodeToString(new byte[23]);
        String tooLong = "whsec_" + Base64.getEncoder().encodeToString(new byte[65]);
        for (String bad : new String[] {notBase64, tooShort, tooLong, "whsec_", "", "whpk_AAAA"}) {
            assertThatThrownBy(() -> WebhookVerifier.builder(SignatureScheme.standardWebhooks())
                    .keyring(Keyring.builder().add("rotated-in", bad).build()).build())
                    .as(bad)
                    .isInstanceOf(InvalidSecretException.class)
                    .isInstanceOf(InletException.class)
                    .hasMessageContaining("rotated-in")
                    .hasMessageContaining("standard-webhooks")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad.length() < 8 ? "\u0000" : bad));
        }
        assertThat(WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(Fixtures.whsec(24)).build())
                .isNotNull();
        assertThat(WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(Fixtures.whsec(64)).build())
                .isNotNull();
    }

    @Test
    void vendorStringSecretsMustNotBeEmptyAndCustomEncodedSecretsAreBounded() {
        assertThatThrownBy(() -> WebhookVerifier.builder(SignatureScheme.github()).secret("").build())
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("empty");
        SignatureScheme custom = SignatureScheme.customHmac(CustomHmac.builder("X-Sig")
                .secretEncoding(ByteEncoding.HEX).build());
        assertThatThrownBy(() -> WebhookVerifier.builder(custom).secret("abcd").build())
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("2 bytes");
        assertThatThrownBy(() -> WebhookVerifier.builder(custom).secret("zz".repeat(32)).build())
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("not valid HEX")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("zzzz"));
    }

    @Test
    void configurationMistakesAreTypedAndSayWhatToDo() {
        assertThatThrownBy(() -> WebhookVerifier.builder(SignatureScheme.stripe()).build())
                .isInstanceOf(WebhookConfigException.class).hasMessageContaining("no keyring");
        assertThatThrownBy(() -> WebhookVerifier.builder(null))
                .isInstanceOf(WebhookConfigException.class);
        assertThatThrownBy(() -> WebhookVerifier.builder(SignatureScheme.stripe()).tolerance(java.time.Duration.ZERO))
                .isInstanceOf(WebhookConfigException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> Keyring.builder().add("a", "x").add("a", "y"))
                .isInstanceOf(WebhookConfigException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> Keyring.builder().build()).isInstanceOf(WebhookConfigException.class);
        assertThatThrownBy(() -> WebhookVerifier.builder(SignatureScheme.stripe()).secret("s").build().verify(null))
                .isInstanceOf(WebhookConfigException.class);
        assertThatThrownBy(() -> CustomHmac.builder("X").signedContent(SignedPart.timestamp()).build())
                .isInstanceOf(WebhookConfigException.class).hasMessageContaining("timestampHeader");
        assertThatThrownBy(() -> WebhookSigner.builder(SignatureScheme.standardWebhooks()).secret(Fixtures.whsec(32))
                .build().sign(Fixtures.unsigned(null, "{}")))
                .isInstanceOf(WebhookConfigException.class).hasMessageContaining("webhook-id");
    }

    @Test
    void standardWebhooksAcceptsAnyMatchingEntryAmongSeveralVersions() {
        String secret = Fixtures.whsec(32);
        WebhookRequest signed = WebhookSigner.builder(SignatureScheme.standardWebhooks()).secret(secret).clock(AT_NOW)
                .build().sign(Fixtures.unsigned("msg_2", "{}"));
        String good = signed.headers().first("webhook-signature").orElseThrow();
        String many = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= "
                + good + " v1a,AAAA";
        WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(secret)
                .clock(AT_NOW).build();

        assertThat(verifier.verify(Fixtures.withHeader(signed, "webhook-signature", many)).isValid()).isTrue();
        assertThat(verifier.verify(Fixtures.withHeader(signed, "webhook-signature", "v2,abc v3,def")).reason())
                .contains(FailureReason.NO_MATCHING_SIGNATURE);
        assertThat(verifier.verify(Fixtures.withHeader(signed, "webhook-signature", "garbage")).reason())
                .contains(FailureReason.MALFORMED_HEADER);
    }

    @Test
    void signerWithOldAndNewKeysSendsBothSignatures() {
        String oldKey = Fixtures.whsec(32);
        String newKey = Fixtures.whsk();
        WebhookSigner signer = WebhookSigner.builder(SignatureScheme.standardWebhooks())
                .keyring(Keyring.builder().add("old", oldKey).add("new", newKey).build()).clock(AT_NOW).build();
        WebhookRequest signed = signer.sign(Fixtures.unsigned("msg_3", "{}"));

        assertThat(signed.headers().first("webhook-signature").orElseThrow().split(" "))
                .hasSize(2).anyMatch(s -> s.startsWith("v1,")).anyMatch(s -> s.startsWith("v1a,"));
        assertThat(WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(oldKey).clock(AT_NOW).build()
                .verify(signed).keyId()).contains("primary");
    }

    @Test
    void svixBrandedHeadersAreAccepted() {
        String secret = Fixtures.whsec(32);
        WebhookRequest signed = WebhookSigner.builder(SignatureScheme.standardWebhooks()).secret(secret).clock(AT_NOW)
                .build().sign(Fixtures.unsigned("msg_4", "{}"));
        Headers.Builder svix = Headers.builder();
        signed.headers().forEach((n, v) -> svix.add(n.replace("webhook-", "svix-"), v));
        WebhookRequest branded = WebhookRequest.of("POST", signed.url(), svix.build(), signed.body());
        WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(secret)
                .clock(AT_NOW).build();

        assertThat(verifier.verify(branded).isValid()).isTrue();
        assertThat(verifier.eventId(branded)).contains("msg_4");
    }

    @Test
    void stripeAcceptsAnyOfSeveralV1ValuesAndNeedsATimestamp() {
        String secret = "whsec_" + SchemeCase.random();
        WebhookRequest signed = WebhookSigner.builder(SignatureScheme.stripe()).secret(secret).clock(AT_NOW).build()
                .sign(Fixtures.unsigned(null, "{\"id\":\"evt_9\",\"type\":\"invoice.paid\"}"));
        String header = signed.headers().first("Stripe-Signature").orElseThrow();
        String withNoise = header.replace(",v1=", ",v1=" + "0".repeat(64) + ",v0=abc,v1=");
        WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.stripe()).secret(secret).clock(AT_NOW).build();

        assertThat(verifier.verify(Fixtures.withHeader(signed, "Stripe-Signature", withNoise)).isValid()).isTrue();
        assertThat(verifier.verify(Fixtures.withHeader(signed, "Stripe-Signature", header.replaceFirst("t=\\d+,", "")))
                .reason()).contains(FailureReason.MALFORMED_HEADER);
        assertThat(verifier.verify(Fixtures.withHeader(signed, "Stripe-Signature", "t=12x," + header.substring(
                header.indexOf("v1=")))).reason()).contains(FailureReason.MALFORMED_HEADER);
        assertThat(verifier.eventId(signed)).contains("evt_9");
        assertThat(verifier.eventType(signed)).contains("invoice.paid");
    }

    @Test
    void hubSpotDecodesExactlyItsListedEscapes() {
        assertThat(HubSpotV3Scheme.decodeUri("https://h.example/p%3Aa%2Fb%3Fc%40d%21e%24f%27g%28h%29i%2Aj%2Ck%3Bl"))
                .isEqualTo("https://h.example/p:a/b?c@d!e$f'g(h)i*j,k;l");
        assertThat(HubSpotV3Scheme.decodeUri("https://h.example/q?x=%20%2B%3a")).isEqualTo("https://h.example/q?x=%20%2B:");
        assertThat(HubSpotV3Scheme.decodeUri("https://h.example/%")).isEqualTo("https://h.example/%");
    }

    @Test
    void hubSpotSignsMethodAndUrl() {
        String secret = SchemeCase.random();
        WebhookRequest signed = WebhookSigner.builder(SignatureScheme.hubSpotV3()).secret(secret).clock(AT_NOW).build()
                .sign(WebhookRequest.post("https://a.example/hook?portal=1", Headers.empty(), "[]".getBytes()));
        WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.hubSpotV3()).secret(secret).clock(AT_NOW)
                .build();

        assertThat(verifier.verify(signed).isValid()).isTrue();
        assertThat(verifier.verify(WebhookRequest.of("PUT", signed.url(), signed.headers(), signed.body())).isValid())
                .isFalse();
        assertThat(verifier.verify(WebhookRequest.post("https://a.example/hook?portal=2", signed.headers(),
                signed.body())).isValid()).isFalse();
    }

    @Test
    void eventIdsAndTypesComeFromTheRightPlace() {
        WebhookRequest github = WebhookRequest.post(Fixtures.URL,
                Headers.of("X-GitHub-Delivery", "d-1", "X-GitHub-Event", "push"), "{}".getBytes());
        WebhookRequest shopify = WebhookRequest.post(Fixtures.URL,
                Headers.of("X-Shopify-Event-Id", "e-2", "X-Shopify-Topic", "orders/create"), "{}".getBytes());
        WebhookRequest hubspot = WebhookRequest.post(Fixtures.URL, Headers.empty(),
                "[{\"subscriptionType\":\"contact.creation\"}]".getBytes());

        assertThat(SignatureScheme.github().eventId(github)).contains("d-1");
        assertThat(SignatureScheme.github().eventType(github)).contains("push");
        assertThat(SignatureScheme.shopify().eventId(shopify)).contains("e-2");
        assertThat(SignatureScheme.shopify().eventType(shopify)).contains("orders/create");
        assertThat(SignatureScheme.hubSpotV3().eventType(hubspot)).contains("contact.creation");
        assertThat(SignatureScheme.hubSpotV3().eventId(hubspot)).isEmpty();
        assertThat(SignatureScheme.stripe().eventId(WebhookRequest.post(Fixtures.URL, Headers.empty(),
                "{not json".getBytes()))).isEmpty();
    }

    @Test
    void hexComparisonAcceptsEitherCaseAndRejectsNonHex() {
        byte[] mac = {(byte) 0xab, 0x01, (byte) 0xff};

        assertThat(Encodings.hexEquals(mac, 3, "ab01ff", 0, 6)).isTrue();
        assertThat(Encodings.hexEquals(mac, 3, "AB01FF", 0, 6)).isTrue();
        assertThat(Encodings.hexEquals(mac, 3, "ab01fe", 0, 6)).isFalse();
        assertThat(Encodings.hexEquals(mac, 3, "ab01f", 0, 5)).isFalse();
        assertThat(Encodings.hexEquals(mac, 3, "ab01fg", 0, 6)).isFalse();
        assertThat(Encodings.hexEquals(mac, 3, "ab01f\u0100", 0, 6)).isFalse();
        assertThat(Encodings.hexEquals(mac, 0, "", 0, 0)).isFalse();
    }

    @Property(tries = 200)
    void anyBodySignedVerifiesAndAnyFlippedByteDoesNot(@ForAll @Size(min = 1, max = 300) byte[] body,
            @ForAll @IntRange(min = 0, max = 7) int schemeIndex, @ForAll @IntRange(min = 0, max = 299) int flip) {
        SchemeCase c = SchemeCase.all().get(schemeIndex);
        String secret = c.secrets().get();
        WebhookRequest signed = WebhookSigner.builder(c.scheme()).secret(secret).clock(AT_NOW).build()
                .sign(WebhookRequest.post(Fixtures.URL, Headers.of("webhook-id", "msg_p"), body));
        WebhookVerifier verifier = WebhookVerifier.builder(c.scheme()).secret(secret).clock(AT_NOW).build();
        byte[] changed = body.clone();
        changed[flip % changed.length] ^= (byte) (1 << (flip % 8));

        assertThat(verifier.verify(signed).isValid()).isTrue();
        assertThat(verifier.verify(WebhookRequest.post(Fixtures.URL, signed.headers(), changed)).isValid()).isFalse();
        assertThat(new String(body, StandardCharsets.ISO_8859_1)).isNotNull();
    }
}
