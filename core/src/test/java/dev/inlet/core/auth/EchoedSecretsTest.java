package dev.inlet.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.error.InletException;
import dev.inlet.core.Secret;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Request;
import dev.inlet.core.retry.RetryPolicy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Servers echo what they were sent: an {@code Authorization} header in a token error, a key in a 401
 * body. Whatever form a secret left in (raw, Basic, URL-encoded), no exception in the chain quotes it.
 */
class EchoedSecretsTest {

    @RegisterExtension
    static WireMockExtension server = WireMockSupport.server();

    private static final String CLIENT_ID = "echo-client";
    private static final String CLIENT_SECRET = "cl13nt/s3cr3t+value";
    private static final String KEY = "k3y/with+plus=";

    private static String basic(String id, String secret) {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String encoded(String secret) {
        return URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }

    /** Every message, toString and body excerpt in the cause chain. */
    static List<String> texts(Throwable failure) {
        List<String> out = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.add(t.toString());
            out.add(String.valueOf(t.getMessage()));
            if (t instanceof HttpStatusException status) {
                out.add(status.bodyExcerpt());
            }
            if (t instanceof AuthenticationException auth) {
                out.add(auth.errorDescription().orElse(""));
            }
        }
        return out;
    }

    static void assertNoneContains(Throwable failure, String... forms) {
        for (String text : texts(failure)) {
            for (String form : forms) {
                assertThat(text).as("a message in the cause chain").doesNotContain(form);
            }
        }
    }

    private HttpPipeline pipeline(Credentials credentials) {
        return HttpPipeline.builder().credentials(credentials).retryPolicy(RetryPolicy.none()).build();
    }

    private static String getItems(HttpPipeline pipeline) {
        return pipeline.execute(Request.builder(WireMockSupport.base(server) + "/items?page=1").build(),
                response -> response.bodyText());
    }

    private OAuth2ClientCredentials oauth() {
        return OAuth2ClientCredentials.builder().origin(WireMockSupport.origin(server))
                .tokenUrl(WireMockSupport.base(server) + "/oauth/token").clientId(CLIENT_ID)
                .clientSecret(Secret.of(CLIENT_SECRET)).build();
    }

    @Test
    void aTokenEndpointEchoingTheBasicHeaderInItsOAuthErrorIsScrubbed() {
        String header = "Basic " + basic(CLIENT_ID, CLIENT_SECRET);
        server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"bad Authorization: " + header
                        + " (" + encoded(CLIENT_SECRET) + ")\"}")));

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> getItems(pipeline(oauth())));

        assertThat(e.getMessage()).contains("invalid_client").contains("bad Authorization: *** (***)");
        assertNoneContains(e, basic(CLIENT_ID, CLIENT_SECRET), CLIENT_SECRET, encoded(CLIENT_SECRET));
    }

    @Test
    void aTokenEndpointEchoingTheBasicHeaderInAPlainBodyIsScrubbed() {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(400)
                .withBody("Rejected Basic " + basic(CLIENT_ID, CLIENT_SECRET))));

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> getItems(pipeline(oauth())));

        assertThat(e.getMessage()).contains("Rejected ***");
        assertNoneContains(e, basic(CLIENT_ID, CLIENT_SECRET), CLIENT_SECRET);
    }

    @Test
    void aTokenResponseWithoutATokenEchoingTheBasicHeaderIsScrubbed() {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Basic "
                        + basic(CLIENT_ID, CLIENT_SECRET) + "\"}")));

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> getItems(pipeline(oauth())));

        assertThat(e.getMessage()).contains("answered without an access_token");
        assertNoneContains(e, basic(CLIENT_ID, CLIENT_SECRET), CLIENT_SECRET);
    }

    @Test
    void aDataResponseEchoingAnApiKeyHeaderIsScrubbed() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"invalid api key " + KEY + "\"}")));

        HttpStatusException e = assertThrows(HttpStatusException.class, () -> getItems(pipeline(
                Credentials.apiKeyHeader(WireMockSupport.origin(server), "X-Api-Key", Secret.of(KEY)))));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("invalid api key ***");
        assertNoneContains(e, KEY);
    }

    @Test
    void aDataResponseEchoingABearerTokenIsScrubbed() {
        String token = "b3arer-t0ken-echoed";
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(401)
                .withBody("token rejected: Bearer " + token)));

        HttpStatusException e = assertThrows(HttpStatusException.class, () -> getItems(pipeline(
                Credentials.bearer(WireMockSupport.origin(server), Secret.of(token)))));

        assertThat(e.getMessage()).contains("token rejected: ***");
        assertNoneContains(e, token);
    }

    @Test
    void aDataResponseEchoingAQueryKeyUrlEncodedIsScrubbed() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(403)
                .withBody("no access for appid=" + WireForm.encode(KEY, false) + " or " + KEY)));

        HttpStatusException e = assertThrows(HttpStatusException.class, () -> getItems(pipeline(
                Credentials.apiKeyQuery(WireMockSupport.origin(server), "appid", Secret.of(KEY)))));

        assertThat(e.getMessage()).contains("no access for appid=*** or ***");
        assertNoneContains(e, KEY, WireForm.encode(KEY, false), encoded(KEY));
    }

    @Test
    void aSecretEchoedInAFailureAfterRetriesIsScrubbedToo() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(503)
                .withBody("overloaded, key " + KEY)));
        HttpPipeline retrying = HttpPipeline.builder()
                .credentials(Credentials.apiKeyHeader(WireMockSupport.origin(server), "X-Api-Key", Secret.of(KEY)))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).backoff(java.time.Duration.ofMillis(1),
                        java.time.Duration.ofMillis(1)).build())
                .build();

        InletException e = assertThrows(InletException.class, () -> getItems(retrying));

        assertThat(e.getMessage()).contains("overloaded, key ***");
        assertNoneContains(e, KEY);
    }
}
