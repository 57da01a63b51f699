package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.Fixtures;
import dev.inlet.webhooks.WebhookConfigException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Headers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Twilio and HubSpot v1/v2 against the providers' own published examples: Twilio's
 * {@code RequestValidatorTest} in twilio-java (auth token {@code 12345}) and HubSpot's "v1/v2
 * request validation" pages (legacydocs.hubspot.com/docs/faq/v1-request-validation and
 * v2-request-validation).
 */
class VendorExamplesTest {

    private static final String TWILIO_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final String TWILIO_FORM = "Digits=1234&CallSid=CA1234567890ABCDE&To=%2B18005551212"
            + "&Caller=%2B14158675309&From=%2B14158675309";
    private static final String TWILIO_JSON = "{\"property\": \"value\", \"boolean\": true}";
    private static final String TWILIO_BODY_HASH = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

    private final WebhookVerifier twilio = WebhookVerifier.builder(SignatureScheme.twilio()).secret("12345").build();

    private static WebhookRequest twilioForm(String url, String signature) {
        return WebhookRequest.post(url, Headers.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", signature), TWILIO_FORM.getBytes(StandardCharsets.UTF_8));
    }

    private static WebhookRequest twilioJson(String url, String signature) {
        return WebhookRequest.post(url, Headers.of("Content-Type", "application/json", "X-Twilio-Signature", signature),
                TWILIO_JSON.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void twilioFormParametersSortedAfterTheUrl() {
        assertThat(twilio.verify(twilioForm(TWILIO_URL, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isValid()).isTrue();
        assertThat(twilio.verify(twilioForm(TWILIO_URL, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=")).isValid()).isFalse();
        // Twilio's validators also try the URL without its port and with the default port.
        assertThat(twilio.verify(twilioForm(TWILIO_URL.replace(".com", ".com:1234"), "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
                .isValid()).isTrue();
        assertThat(twilio.verify(twilioForm(TWILIO_URL, "kvajT1Ptam85bY51eRf/AJRuM3w=")).isValid()).isTrue();
        assertThat(twilio.verify(twilioForm(TWILIO_URL.replace("https", "http"), "0ZXoZLH/DfblKGATFgpif+LLRf4="))
                .isValid()).isTrue();
        assertThat(twilio.verify(twilioForm(TWILIO_URL.replace(".com", ".com:1234").replace("https", "http"),
                "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")).isValid()).isTrue();
    }

    @Test
    void twilioJsonBodiesAreCoveredByBodySha256() {
        String url = TWILIO_URL + "&bodySHA256=" + TWILIO_BODY_HASH;

        assertThat(twilio.verify(twilioJson(url, "a9nBmqA0ju/hNViExpshrM61xv4=")).isValid()).isTrue();
        assertThat(twilio.verify(twilioJson("https://mycompany.com/myapp.php?bodySHA256=" + TWILIO_BODY_HASH,
                "y77kIzt2vzLz71DgmJGsen2scGs=")).isValid()).isTrue();
        // A changed body no longer matches the signed hash; a JSON body without the hash is unsigned.
        WebhookRequest tampered = WebhookRequest.post(url, twilioJson(url, "a9nBmqA0ju/hNViExpshrM61xv4=").headers(),
                "{\"property\": \"other\", \"boolean\": true}".getBytes(StandardCharsets.UTF_8));
        assertThat(twilio.verify(tampered).reason()).contains(FailureReason.NO_MATCHING_SIGNATURE);
        assertThat(twilio.verify(twilioJson(TWILIO_URL, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).reason())
                .contains(FailureReason.NO_MATCHING_SIGNATURE);
    }

    @Test
    void twilioSignerReproducesTheExampleAndRefusesAnUnsignableBody() {
        WebhookSigner signer = WebhookSigner.builder(SignatureScheme.twilio()).secret("12345").build();
        WebhookRequest form = WebhookRequest.post(TWILIO_URL,
                Headers.of("Content-Type", "application/x-www-form-urlencoded"), TWILIO_FORM.getBytes());

        assertThat(signer.signatureHeaders(form).first("X-Twilio-Signature")).contains("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThatThrownBy(() -> signer.sign(twilioJson(TWILIO_URL, "x")))
                .isInstanceOf(WebhookConfigException.class).hasMessageContaining("bodySHA256");
    }

    @Test
    void hubSpotV1IsTheDigestOfSecretAndBody() {
        String body = "[{\"eventId\":1,\"subscriptionId\":12345,\"portalId\":62515,\"occurredAt\":1564113600000,"
                + "\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,\"objectId\":123,\"changeSource\":"
                + "\"CRM\",\"changeFlag\":\"NEW\",\"appId\":54321}]";
        WebhookVerifier v1 = WebhookVerifier.builder(SignatureScheme.hubSpotV1())
                .secret("yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy").build();
        WebhookRequest request = WebhookRequest.post("https://www.example.com/webhook_uri",
                Headers.of("X-HubSpot-Signature", "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de",
                        "X-HubSpot-Signature-Version", "v1"), body.getBytes(StandardCharsets.UTF_8));

        assertThat(v1.verify(request).isValid()).isTrue();
        assertThat(v1.eventType(request)).contains("contact.creation");
        assertThat(v1.verify(Fixtures.withHeader(request, "X-HubSpot-Signature-Version", "v2")).reason())
                .contains(FailureReason.MALFORMED_HEADER);
        assertThat(v1.verify(WebhookRequest.post(request.url(), request.headers(), "[]".getBytes())).reason())
                .contains(FailureReason.NO_MATCHING_SIGNATURE);
    }

    @Test
    void hubSpotV2IsTheDigestOfSecretMethodUriAndBody() {
        WebhookVerifier v2 = WebhookVerifier.builder(SignatureScheme.hubSpotV2())
                .secret("yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy").build();
        WebhookRequest get = WebhookRequest.of("GET", "https://www.example.com/webhook_uri",
                Headers.of("X-HubSpot-Signature", "eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e",
                        "X-HubSpot-Signature-Version", "v2"), new byte[0]);
        WebhookRequest post = WebhookRequest.post("https://www.example.com/webhook_uri",
                Headers.of("X-HubSpot-Signature", "9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900",
                        "X-HubSpot-Signature-Version", "v2"),
                "{\"example_field\":\"example_value\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(v2.verify(get).isValid()).isTrue();
        assertThat(v2.verify(post).isValid()).isTrue();
        assertThat(v2.verify(WebhookRequest.of("PUT", post.url(), post.headers(), post.body())).isValid()).isFalse();
        assertThat(WebhookSigner.builder(SignatureScheme.hubSpotV2()).secret("yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy")
                .build().signatureHeaders(post).first("X-HubSpot-Signature"))
                .contains("9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900");
    }
}
