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

        assertThat(signed.canonicalRequest()).endsWith("\nhost;x-amz-content-sha256;x-amz-date\nUNSIGNED-PAYLOAD")
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
            assertThat(request.getHeader("Authorization")).contains("SignedHeaders=content-type;host;"
                    + "x-amz-date;x-amz-invocation-type;x-amz-security-token,");
            assertThat(resign(request, aws)).isEqualTo(request.getHeader("Authorization"));
        }
    }

    /** Signs again what the server received, host taken from the Host header it got. */
    private static String resign(LoggedRequest received, AwsSigV4 signer) {
        Request.Builder builder = Request.builder("http://" + received.getHeader("Host") + received.getUrl())
                .method(received.getMethod().getName(), received.getBody());
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
}
