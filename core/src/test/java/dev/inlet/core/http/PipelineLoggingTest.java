package dev.inlet.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.inlet.core.http.Stubs.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.testing.FakeClock;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/** DEBUG per request, INFO per retry, and never a secret in either. */
class PipelineLoggingTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void requestsAreLoggedAtDebugAndRetriesAtInfoWithSecretsMasked() {
        sequence(server, "/items", aResponse().withStatus(503).withHeader("Set-Cookie", "session=c00kie"),
                ok("[]").withHeader("Set-Cookie", "session=c00kie"));
        CapturingLogger log = new CapturingLogger();
        FakeClock clock = new FakeClock();
        HttpPipeline pipeline = HttpPipeline.builder().logger(log).clock(clock).sleeper(clock)
                .addInterceptor(chain -> chain.proceed(chain.request().toBuilder()
                        .header("Authorization", "Bearer t0ken-value").build()))
                .build();
        Request request = Request.builder(server.baseUrl() + "/items?api_key=k3y-value&tenant=acme&sig=s1g")
                .sensitiveParameter("tenant").build();

        pipeline.execute(request, r -> new String(r.body().readAllBytes(), StandardCharsets.UTF_8));

        assertThat(log.at(Level.DEBUG)).hasSize(4);
        assertThat(log.at(Level.DEBUG).get(0)).startsWith("--> GET http://localhost:" + server.getPort()
                + "/items?api_key=***&tenant=***&sig=*** (attempt 1)").contains("Authorization=[***]");
        assertThat(log.at(Level.DEBUG).get(1)).startsWith("<-- 503 GET").containsIgnoringCase("Set-Cookie=[***]");
        assertThat(log.at(Level.DEBUG).get(3)).startsWith("<-- 200 GET");
        assertThat(log.at(Level.INFO)).singleElement().satisfies(line -> assertThat(line)
                .startsWith("Retrying GET http://localhost:" + server.getPort() + "/items?api_key=***")
                .contains("(attempt 2 of 5)").contains("backoff").contains("HTTP 503"));
        assertThat(log.lines()).allSatisfy(line -> assertThat(line.text())
                .doesNotContain("t0ken-value", "k3y-value", "acme", "s1g", "c00kie"));
    }

    @Test
    void urlsInLocationAndLinkHeadersAreRedactedToo() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/export"))
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "/download?X-Amz-Signature=s1gnature&X-Amz-Credential=AKIAEXAMPLE&part=1")));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/download"))
                .willReturn(ok("[]").withHeader("Link", "<" + server.baseUrl()
                        + "/download?access_token=t0k3n&page=2>; rel=\"next\"")));
        CapturingLogger log = new CapturingLogger();
        HttpPipeline pipeline = HttpPipeline.builder().logger(log).build();

        pipeline.execute(Request.builder(server.baseUrl() + "/export").build(),
                r -> new String(r.body().readAllBytes(), StandardCharsets.UTF_8));

        assertThat(String.join("\n", log.at(Level.DEBUG)))
                .contains("/download?X-Amz-Signature=***&X-Amz-Credential=***&part=1")
                .contains("/download?access_token=***&page=2>; rel=\"next\"")
                .doesNotContain("s1gnature", "AKIAEXAMPLE", "t0k3n");
    }

    @Test
    void aQueryKeyWithAPlainNameEchoedInALinkHeaderOrBodyIsMaskedInEveryLogLine() {
        String key = "k3y/pl41n+name";
        String encodedKey = java.net.URLEncoder.encode(key, StandardCharsets.UTF_8);
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/weather"))
                .willReturn(ok("[]").withHeader("Link", "<" + server.baseUrl() + "/weather?page=2&appid="
                        + encodedKey + ">; rel=\"next\"").withHeader("X-Debug", "served key " + key)));
        CapturingLogger log = new CapturingLogger();
        HttpPipeline pipeline = HttpPipeline.builder().logger(log)
                .credentials(dev.inlet.core.auth.Credentials.apiKeyQuery(Origin.of(server.baseUrl()), "appid",
                        dev.inlet.core.Secret.of(key)))
                .build();

        pipeline.execute(Request.builder(server.baseUrl() + "/weather").build(),
                r -> new String(r.body().readAllBytes(), StandardCharsets.UTF_8));

        assertThat(String.join("\n", log.at(Level.DEBUG))).contains("/weather?page=2&appid=***>; rel=\"next\"")
                .contains("served key ***").doesNotContain(key, encodedKey);
    }
}
