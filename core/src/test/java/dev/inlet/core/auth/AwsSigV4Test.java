package dev.inlet.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AwsSigV4Test {

    @RegisterExtension
    static WireMockExtension server = WireMockSupport.server();

    private static final Secret SECRET = Secret.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final Secret SESSION = Secret.of("FwoGZXIvYXdzEXAMPLEsessionTOKEN==");
    private static final AwsCredentials KEYS = AwsCredentials.of("AKIDEXAMPLE", SECRET);
    private static final Origin EXAMPLE = Origin.of("https://example.amazonaws.com");

    private final FakeClock clock = new FakeClock();

    private AwsSigV4.Builder signer(Origin origin) {
        return AwsSigV4.builder().origin(origin).region("us-east-1").service("service").credentials(KEYS)
                .clock(clock);
    }

    @Test
    void doubleEncodesThePathForEveryServiceButS3AsTheAwsDocumentationShows() {
        // AWS General Reference, "Create a canonical request": "/documents and settings/" has the
        // canonical URI "/documents%2520and%2520settings/"; S3 encodes only once.
        Request request = Request.builder("https://example.amazonaws.com/documents%20and%20settings/").build();

        assertThat(signer(EXAMPLE).build().sign(request).canonicalRequest())
                .startsWith("GET\n/documents%2520and%2520settings/\n");
        assertThat(signer(EXAMPLE).s3().build().sign(request).canonicalRequest())
                .startsWith("GET\n/documents%20and%20settings/\n");
    }

    @Test
    void s3KeepsDotSegmentsAndRepeatedSlashesThatOtherServicesRemove() {
        Request request = Request.builder("https://example.amazonaws.com/bucket/a/./b//c.txt").build();

        assertThat(signer(EXAMPLE).build().sign(request).canonicalRequest()).startsWith("GET\n/bucket/a/b/c.txt\n");
        assertThat(signer(EXAMPLE).s3().build().sign(request).canonicalRequest())
                .startsWith("GET\n/bucket/a/./b//c.txt\n");
    }

    @Test
    void unsignedPayloadIsSignedAndSentAsTheContentHash() {
        Request upload = Request.builder("https://example.amazonaws.com/bucket/key")
                .method("PUT", "large body".getBytes(StandardCharsets.UTF_8)).build();

        SigV4Canonical.Signed signed = signer(EXAMPLE).s3().unsignedPayload(true).build().sign(upload);

        assertThat(signed.canonicalRequest()).endsWith("\ncontent-length;host;x-amz-content-sha256;x-amz-date\nUNSIGNED-PAYLOAD")
                .contains("\nx-amz-content-sha256:UNSIGNED-PAYLOAD\n");
        assertThat(signed.request().headers().first("X-Amz-Content-Sha256")).hasValue("UNSIGNED-PAYLOAD");
    }

    @Test
    void theContentHashHeaderCarriesTheBodysSha256() {
        Request upload = Request.builder("https://example.amazonaws.com/bucket/key")
                .method("PUT", "Param1=value1".getBytes(StandardCharsets.UTF_8)).build();

        SigV4Canonical.Signed signed = signer(EXAMPLE).s3().build().sign(upload);

        String hash = "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e";
        assertThat(signed.request().headers().first("X-Amz-Content-Sha256")).hasValue(hash);
        assertThat(signed.canonicalRequest()).endsWith("\n" + hash);
    }

    @Test
    void signsHostAsTheClientSendsIt() {
        assertThat(signer(Origin.of("http://localhost:8080")).build()
                .sign(Request.builder("http://localhost:8080/x").build()).canonicalRequest())
                .contains("\nhost:localhost:8080\n");
        assertThat(signer(EXAMPLE).build().sign(Request.builder("https://example.amazonaws.com:443/x")
                .header("Host", "evil.example.net").build()).canonicalRequest())
                .contains("\nhost:example.amazonaws.com\n").doesNotContain("evil");
    }

    @Test
    void everyAttemptIsSignedAfreshAndEachSignatureCoversExactlyWhatTheServerReceived() {
        server.stubFor(post(urlPathEqualTo("/2015-03-31/functions/f/invocations")).inScenario("flaky")
                .whenScenarioStateIs(STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")));
        server.stubFor(post(urlPathEqualTo("/2015-03-31/functions/f/invocations")).inScenario("flaky")
                .whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));
        AtomicInteger supplied = new AtomicInteger();
        AwsSigV4 aws = signer(WireMockSupport.origin(server)).service("lambda").credentials(() -> {
            supplied.incrementAndGet();
            return AwsCredentials.of("AKIDEXAMPLE", SECRET, SESSION);
        }).build();
        HttpPipeline pipeline = HttpPipeline.builder().credentials(aws).clock(clock).sleeper(clock).build();

        pipeline.execute(Request.builder(WireMockSupport.base(server)
                + "/2015-03-31/functions/f/invocations?Qualifier=prod&a=b%20c")
                .post("{\"hello\":\"wörld\"}".getBytes(StandardCharsets.UTF_8), "application/json")
                .header("X-Amz-Invocation-Type", "RequestResponse").idempotent(true).build(),
                response -> response.status());

        List<LoggedRequest> received = server.findAll(postRequestedFor(urlPathEqualTo(
                "/2015-03-31/functions/f/invocations")));
        assertThat(received).hasSize(2);
        assertThat(supplied).hasValue(2);
        assertThat(received.get(0).getHeader("X-Amz-Date")).isEqualTo("20260101T000000Z");
        assertThat(received.get(1).getHeader("X-Amz-Date")).isEqualTo("20260101T000002Z");
        assertThat(received.get(1).getHeader("Authorization")).isNotEqualTo(received.get(0).getHeader("Authorization"));
        for (LoggedRequest request : received) {
            assertThat(request.getHeader("X-Amz-Security-Token")).isEqualTo(SESSION.reveal());
            assertThat(request.getHeader("Authorization")).contains("SignedHeaders=content-length;content-type;host;"
                    + "x-amz-date;x-amz-invocation-type;x-amz-security-token,");
            assertThat(resign(request, aws)).isEqualTo(request.getHeader("Authorization"));
        }
    }

    /** Signs again what the server received, host taken from the Host header it got. */
    private static String resign(LoggedRequest received, AwsSigV4 signer) {
        Request.Builder builder = Request.builder("http://" + received.getHeader("Host") + received.getUrl())
                .method(received.getMethod().getName(), received.getBody().length > 0 ? received.getBody() : null);
        received.getHeaders().all().forEach(header -> header.values()
                .forEach(value -> builder.addHeader(header.key(), value)));
        Instant signedAt = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .parse(received.getHeader("X-Amz-Date"), Instant::from);
        AwsSigV4 atThatTime = AwsSigV4.builder().origin(Origin.of("http://" + received.getHeader("Host")))
                .region("us-east-1").service("lambda").credentials(AwsCredentials.of("AKIDEXAMPLE", SECRET, SESSION))
                .clock(Clock.fixed(signedAt, ZoneOffset.UTC)).build();
        return atThatTime.sign(builder.build()).authorization();
    }

    @Test
    void leavesOtherOriginsAloneAndShowsNoSecret() throws Exception {
        AwsSigV4 aws = signer(EXAMPLE).credentials(AwsCredentials.of("AKIDEXAMPLE", SECRET, SESSION)).build();
        RecordingChain chain = new RecordingChain(Request.builder("https://other.amazonaws.com/").build());

        aws.intercept(chain);

        assertThat(chain.last().headers().isEmpty()).isTrue();
        assertThat(aws + " " + AwsCredentials.of("AKIDEXAMPLE", SECRET, SESSION)).doesNotContain(SECRET.reveal())
                .doesNotContain(SESSION.reveal());
        Request signed = aws.sign(Request.builder("https://example.amazonaws.com/").build()).request();
        assertThat(signed.headers().toString()).doesNotContain(SESSION.reveal()).doesNotContain("Signature=");
    }

    @Test
    void refusesIncompleteOrMalformedSettings() {
        assertThatThrownBy(() -> AwsSigV4.builder().origin(EXAMPLE).region("us-east-1").credentials(KEYS).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("service");
        assertThatThrownBy(() -> signer(EXAMPLE).region("us east/1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AwsCredentials.of("AKID/X", SECRET)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer(EXAMPLE).credentials(() -> null).build()
                .sign(Request.builder("https://example.amazonaws.com/").build()))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("no credentials");
    }

    @Test
    void contentLengthIsSignedExactlyAsTheServerReceivesIt() {
        server.stubFor(any(urlPathEqualTo("/len")).willReturn(aResponse().withStatus(200)));
        AwsSigV4 aws = signer(WireMockSupport.origin(server)).service("lambda")
                .credentials(AwsCredentials.of("AKIDEXAMPLE", SECRET, SESSION)).build();
        HttpPipeline pipeline = HttpPipeline.builder().credentials(aws).clock(clock).sleeper(clock).build();
        String url = WireMockSupport.base(server) + "/len";

        pipeline.execute(Request.builder(url).post("{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8),
                "application/json").build(), response -> response.status());
        pipeline.execute(Request.builder(url).method("PUT", new byte[0]).build(), response -> response.status());
        pipeline.execute(Request.builder(url).header("Content-Length", "999").build(), response -> response.status());

        List<LoggedRequest> received = server.findAll(anyRequestedFor(urlPathEqualTo("/len")));
        assertThat(received).hasSize(3);
        assertThat(received.get(0).getHeader("Content-Length")).isEqualTo("10");
        assertThat(received.get(0).getHeader("Authorization")).contains("SignedHeaders=content-length;content-type;");
        // An empty body's length is not signed: JDK 17 sends Content-Length: 0 even for a bodiless GET and
        // later JDKs do not, so only a length the transport always sends is signed. The caller's is ignored.
        assertThat(received.get(1).getHeader("Content-Length")).isEqualTo("0");
        assertThat(received.get(1).getHeader("Authorization")).contains("SignedHeaders=host;");
        assertThat(received.get(2).getHeader("Authorization")).contains("SignedHeaders=host;");
        for (LoggedRequest request : received) {
            assertThat(resign(request, aws)).isEqualTo(request.getHeader("Authorization"));
        }
    }

    @Test
    void contentLengthCanBeLeftUnsigned() {
        Request post = Request.builder("https://example.amazonaws.com/").post(new byte[] {1, 2, 3}, "text/plain")
                .build();

        assertThat(signer(EXAMPLE).build().explain(post).signedHeaders())
                .containsExactly("content-length", "content-type", "host", "x-amz-date");
        assertThat(signer(EXAMPLE).signContentLength(false).build().explain(post).signedHeaders())
                .containsExactly("content-type", "host", "x-amz-date");
    }

    @Test
    void explainShowsWhatIsSignedWithoutAnySecret() {
        Secret apiKey = Secret.of("k3y-value-never-shown");
        AwsSigV4 aws = signer(EXAMPLE).credentials(AwsCredentials.of("AKIDEXAMPLE", SECRET, SESSION)).build();
        Request request = Request.builder("https://example.amazonaws.com/items?b=2&api_key=" + apiKey.reveal()
                + "&a=1").header("X-Api-Key", apiKey.reveal()).header("X-Amz-Target", "Items.List").build();

        SigningDetails details = aws.explain(request);
        SigV4Canonical.Signed signed = aws.sign(request);

        assertThat(details.canonicalRequest()).isEqualTo("""
                GET
                /items
                a=1&api_key=***&b=2
                host:example.amazonaws.com
                x-amz-date:20260101T000000Z
                x-amz-security-token:***
                x-amz-target:Items.List
                x-api-key:***

                host;x-amz-date;x-amz-security-token;x-amz-target;x-api-key
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
        assertThat(details.masked()).isTrue();
        assertThat(details.stringToSign()).isEqualTo(signed.stringToSign())
                .startsWith("AWS4-HMAC-SHA256\n20260101T000000Z\n20260101/us-east-1/service/aws4_request\n");
        assertThat(details.authorization()).isEqualTo(signed.authorization());
        assertThat(details.signedHeaders())
                .containsExactly("host", "x-amz-date", "x-amz-security-token", "x-amz-target", "x-api-key");
        assertThat(details.credentialScope()).isEqualTo("20260101/us-east-1/service/aws4_request");
        assertThat(details.amzDate()).isEqualTo("20260101T000000Z");
        String everything = details + details.canonicalRequest() + details.stringToSign() + details.authorization()
                + signed;
        assertThat(everything).doesNotContain(SECRET.reveal()).doesNotContain(SESSION.reveal())
                .doesNotContain(apiKey.reveal());
    }

    @Test
    void explainOfARequestWithoutSecretsIsTheSignedCanonicalRequest() {
        AwsSigV4 aws = signer(EXAMPLE).build();
        Request request = Request.builder("https://example.amazonaws.com/a%20b?x=1").build();

        SigningDetails details = aws.explain(request);

        assertThat(details.masked()).isFalse();
        assertThat(details.canonicalRequest()).isEqualTo(aws.sign(request).canonicalRequest());
        assertThat(details.stringToSign()).endsWith(Crypto.sha256Hex(
                details.canonicalRequest().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aHostOverrideIsSignedAndSetSoATunnelOrEndpointCanBeUsed() {
        // Through a tunnel on localhost to the service: the signature must be the service's own.
        Origin tunnel = Origin.of("https://localhost:8443");
        Request viaTunnel = Request.builder("https://localhost:8443/logs/_search?q=a").build();
        Request direct = Request.builder("https://example.amazonaws.com/logs/_search?q=a").build();

        SigV4Canonical.Signed signed = signer(tunnel).host("Example.amazonaws.com").build().sign(viaTunnel);

        assertThat(signed.canonicalRequest()).contains("\nhost:example.amazonaws.com\n").doesNotContain("localhost");
        assertThat(signed.request().headers().first("Host")).hasValue("example.amazonaws.com");
        assertThat(signed.authorization()).isEqualTo(signer(EXAMPLE).build().sign(direct).authorization());
        assertThat(signer(tunnel).host("example.amazonaws.com").build().toString())
                .contains("signing host example.amazonaws.com");
        for (String bad : new String[] {"https://example.amazonaws.com", "a b", "", "host/path", " x"}) {
            assertThatThrownBy(() -> signer(tunnel).host(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
