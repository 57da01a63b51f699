package dev.inlet.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.inlet.core.Secret;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.testing.FakeClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HmacSignerTest {

    @RegisterExtension
    static WireMockExtension server = WireMockSupport.server();

    private static final Secret KEY = Secret.of("kat-signing-key");
    private final FakeClock clock = new FakeClock();

    private HmacSigner.Builder signer(Origin origin) {
        return HmacSigner.builder().origin(origin).key(KEY).clock(clock);
    }

    private static Request orderRequest(String base) {
        return Request.builder(base + "/v1/orders?b=2&a=1").post("{\"id\":1}".getBytes(StandardCharsets.UTF_8),
                "application/json").build();
    }

    @Test
    void theCanonicalFormIsTheDocumentedOne() {
        HmacSigner signer = signer(Origin.of("https://api.example.com")).signedHeaders("Content-Type", "Host")
                .build();

        String canonical = signer.canonical(orderRequest("https://api.example.com"), "1767225600",
                "00112233445566778899aabbccddeeff");

        assertThat(canonical).isEqualTo("POST\n/v1/orders\na=1&b=2\ncontent-type:application/json\n"
                + "host:api.example.com\n037c9214eef74cc3887f3a4f085b4e17d76280dafd273b0ee160c09c4ba1cfd4\n"
                + "1767225600\n00112233445566778899aabbccddeeff");
    }

    @Test
    void signaturesMatchOnesComputedIndependently() {
        // Expected values computed with Python's hmac and hashlib over the canonical string above.
        Request request = orderRequest("https://api.example.com");
        HmacSigner sha256Hex = signer(Origin.of("https://api.example.com")).signedHeaders("Content-Type", "Host")
                .nonces(() -> "00112233445566778899aabbccddeeff").build();
        HmacSigner sha512Base64 = signer(Origin.of("https://api.example.com")).signedHeaders("Content-Type", "Host")
                .nonces(() -> "00112233445566778899aabbccddeeff").algorithm(HmacSigner.Algorithm.HMAC_SHA512)
                .encoding(HmacSigner.Encoding.BASE64).signatureHeader("Signature", "v1=").build();

        Request signed = sha256Hex.sign(request);
        assertThat(signed.headers().first("X-Signature"))
                .hasValue("c443b30cb6d73e127ee571a5fc799ab477aca8343fbcbd3c23bb6e22edeef3a6");
        assertThat(signed.headers().first("X-Timestamp")).hasValue("1767225600");
        assertThat(signed.headers().first("X-Nonce")).hasValue("00112233445566778899aabbccddeeff");
        assertThat(sha512Base64.sign(request).headers().first("Signature")).hasValue("v1=npZXOPC7D8QnumPYtpF/FU0rwgyLK"
                + "Lb/6IDr9tb0x5bqcfSsuX0zAbeQ+tIocTs6aqSbW8EoUeIku6i3lI9eyA==");
    }

    @Test
    void aServerSideVerifierAcceptsWhatWasSentAndRejectsATamperedCopy() {
        server.stubFor(post(urlPathEqualTo("/v1/orders")).willReturn(aResponse().withStatus(201)));
        HmacSigner signer = signer(WireMockSupport.origin(server)).keyId("key-7")
                .signedHeaders("Content-Type", "Host", "X-Request-Id").build();
        HttpPipeline pipeline = HttpPipeline.builder().credentials(signer).clock(clock).sleeper(clock).build();
        Request request = Request.builder(WireMockSupport.base(server) + "/v1/orders?q=a%20b&b=2&a=1&a=0")
                .post("{\"id\":1,\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8), "application/json")
                .header("X-Request-Id", "req-42").build();

        pipeline.execute(request, response -> response.status());

        LoggedRequest received = server.findAll(postRequestedFor(urlPathEqualTo("/v1/orders"))).get(0);
        Verifier verifier = new Verifier("HmacSHA256", List.of("Content-Type", "Host", "X-Request-Id"));
        assertThat(received.getHeader("X-Key-Id")).isEqualTo("key-7");
        assertThat(verifier.verify(received, received.getBody())).isTrue();
        assertThat(verifier.verify(received, "{\"id\":2,\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    void aRetriedRequestIsSignedAfreshWithANewTimestampAndNonce() {
        server.stubFor(post(urlPathEqualTo("/v1/orders")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")));
        server.stubFor(post(urlPathEqualTo("/v1/orders")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201)));
        HttpPipeline pipeline = HttpPipeline.builder().credentials(signer(WireMockSupport.origin(server)).build())
                .retryPolicy(dev.inlet.core.retry.RetryPolicy.builder().idempotencyKeys().build())
                .clock(clock).sleeper(clock).build();

        pipeline.execute(orderRequest(WireMockSupport.base(server)), response -> response.status());

        List<LoggedRequest> received = server.findAll(postRequestedFor(urlPathEqualTo("/v1/orders")));
        assertThat(received).hasSize(2);
        Verifier verifier = new Verifier("HmacSHA256", List.of());
        assertThat(received).allSatisfy(r -> assertThat(verifier.verify(r, r.getBody())).isTrue());
        assertThat(Long.parseLong(received.get(1).getHeader("X-Timestamp"))
                - Long.parseLong(received.get(0).getHeader("X-Timestamp"))).isEqualTo(2);
        assertThat(received.get(1).getHeader("X-Nonce")).isNotEqualTo(received.get(0).getHeader("X-Nonce"));
        assertThat(received.get(1).getHeader("X-Signature")).isNotEqualTo(received.get(0).getHeader("X-Signature"));
    }

    @Test
    void signsNothingForAnotherOriginAndShowsNoKey() throws Exception {
        HmacSigner signer = signer(Origin.of("https://api.example.com")).build();
        RecordingChain chain = new RecordingChain(Request.builder("https://other.example.com/x").build());

        signer.intercept(chain);

        assertThat(chain.last().headers().isEmpty()).isTrue();
        assertThat(signer.toString()).doesNotContain(KEY.reveal());
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> signer(Origin.of("https://api.example.com")).signedHeaders("Content-Length"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set by the transport");
        assertThatThrownBy(() -> signer(Origin.of("https://api.example.com")).parts(HmacSigner.Part.HEADERS).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("signedHeaders");
        assertThatThrownBy(() -> HmacSigner.builder().origin(Origin.of("https://api.example.com")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key");
    }

    /**
     * A verifier written from the documented canonical form (see HmacSigner's Javadoc), sharing no
     * code with the signer: it rebuilds the canonical string from what the server received.
     */
    private static final class Verifier {
        private final String algorithm;
        private final List<String> signedHeaders;

        Verifier(String algorithm, List<String> signedHeaders) {
            this.algorithm = algorithm;
            this.signedHeaders = signedHeaders;
        }

        boolean verify(LoggedRequest request, byte[] body) {
            String url = request.getUrl();
            int q = url.indexOf('?');
            String path = q < 0 ? url : url.substring(0, q);
            List<String> query = new ArrayList<>(q < 0 ? List.of() : List.of(url.substring(q + 1).split("&")));
            query.sort((x, y) -> {
                String nx = x.split("=", 2)[0];
                String ny = y.split("=", 2)[0];
                return nx.equals(ny) ? x.compareTo(y) : nx.compareTo(ny);
            });
            List<String> lines = new ArrayList<>(List.of(request.getMethod().getName(), path, String.join("&", query)));
            signedHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).sorted()
                    .forEach(h -> lines.add(h + ":" + request.getHeader(h).trim()));
            try {
                lines.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
                lines.add(request.getHeader("X-Timestamp"));
                lines.add(request.getHeader("X-Nonce"));
                Mac mac = Mac.getInstance(algorithm);
                mac.init(new SecretKeySpec(KEY.revealBytes(), algorithm));
                byte[] expected = mac.doFinal(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
                byte[] actual = HexFormat.of().parseHex(request.getHeader("X-Signature"));
                return MessageDigest.isEqual(expected, actual);
            } catch (java.security.GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }
    }
}
