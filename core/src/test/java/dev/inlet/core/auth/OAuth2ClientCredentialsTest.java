package dev.inlet.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.Secret;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Request;
import dev.inlet.core.testing.FakeClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OAuth2ClientCredentialsTest {

    @RegisterExtension
    static WireMockExtension server = WireMockSupport.server();

    private static final String CLIENT_ID = "inlet client";
    private static final Secret CLIENT_SECRET = Secret.of("s3cr3t/+=value");

    private final FakeClock clock = new FakeClock();

    private OAuth2ClientCredentials.Builder credentials() {
        return OAuth2ClientCredentials.builder()
                .origin(WireMockSupport.origin(server))
                .tokenUrl(WireMockSupport.base(server) + "/oauth/token")
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .clock(clock)
                .sleeper(clock);
    }

    private HttpPipeline pipeline(Credentials credentials) {
        return HttpPipeline.builder().credentials(credentials).clock(clock).sleeper(clock).build();
    }

    private String getItems(HttpPipeline pipeline) {
        return pipeline.execute(Request.builder(WireMockSupport.base(server) + "/items").build(),
                response -> response.bodyText());
    }

    private static void tokenEndpointIssues(String... tokens) {
        String state = STARTED;
        for (int i = 0; i < tokens.length; i++) {
            String next = "issued-" + (i + 1);
            server.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(state)
                    .willSetStateTo(next)
                    .willReturn(okJson("{\"access_token\":\"" + tokens[i] + "\",\"token_type\":\"bearer\","
                            + "\"expires_in\":3600}")));
            state = next;
        }
    }

    private static void itemsAccept(String token) {
        server.stubFor(get(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(200).withBody("items for " + token)));
    }

    @Test
    void clientSecretBasicSendsFormEncodedIdAndSecretInTheAuthorizationHeader() {
        tokenEndpointIssues("at-1");
        itemsAccept("at-1");
        HttpPipeline pipeline = pipeline(credentials().scopes("items:read", "items:write")
                .audience("https://api.example.com").param("resource", "urn:items").build());

        assertThat(getItems(pipeline)).isEqualTo("items for at-1");

        String expected = "Basic " + Base64.getEncoder().encodeToString(
                "inlet+client:s3cr3t%2F%2B%3Dvalue".getBytes(StandardCharsets.UTF_8));
        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withHeader("Authorization", equalTo(expected))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=client_credentials&scope=items%3Aread+items%3Awrite"
                        + "&audience=https%3A%2F%2Fapi.example.com&resource=urn%3Aitems")));
    }

    @Test
    void clientSecretPostSendsIdAndSecretInTheForm() {
        tokenEndpointIssues("at-1");
        itemsAccept("at-1");
        HttpPipeline pipeline = pipeline(credentials()
                .clientAuthentication(ClientAuthentication.CLIENT_SECRET_POST).build());

        getItems(pipeline);

        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=inlet+client"
                        + "&client_secret=s3cr3t%2F%2B%3Dvalue")));
    }

    @Test
    void aTokenIsReusedUntilExpiresInMinusTheSkewThenRenewed() {
        tokenEndpointIssues("at-1", "at-2");
        itemsAccept("at-1");
        itemsAccept("at-2");
        OAuth2ClientCredentials credentials = credentials().refreshSkew(Duration.ofSeconds(60)).build();
        HttpPipeline pipeline = pipeline(credentials);

        assertThat(getItems(pipeline)).isEqualTo("items for at-1");
        clock.advance(Duration.ofSeconds(3539));
        assertThat(getItems(pipeline)).isEqualTo("items for at-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(getItems(pipeline)).isEqualTo("items for at-2");

        assertThat(credentials.tokenRequests()).isEqualTo(2);
        server.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void a401RenewsTheTokenOnceAndReplaysTheRequestOnce() {
        tokenEndpointIssues("at-1", "at-2");
        server.stubFor(get(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer at-1"))
                .willReturn(aResponse().withStatus(401)));
        itemsAccept("at-2");
        OAuth2ClientCredentials credentials = credentials().build();

        assertThat(getItems(pipeline(credentials))).isEqualTo("items for at-2");

        assertThat(credentials.tokenRequests()).isEqualTo(2);
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void a401AfterTheReplayIsReportedNotLoopedOn() {
        tokenEndpointIssues("at-1", "at-2", "at-3");
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"token revoked\"}")));
        OAuth2ClientCredentials credentials = credentials().build();

        assertThatThrownBy(() -> getItems(pipeline(credentials))).isInstanceOf(HttpStatusException.class)
                .satisfies(e -> assertThat(((HttpStatusException) e).status()).isEqualTo(401));

        assertThat(credentials.tokenRequests()).isEqualTo(2);
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void invalidClientIsOneTokenRequestAndAnAuthenticationErrorWithTheOAuthCode() {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Client secret "
                        + CLIENT_SECRET.reveal() + " is not valid\"}")));
        OAuth2ClientCredentials credentials = credentials().build();

        assertThatThrownBy(() -> getItems(pipeline(credentials)))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.error()).hasValue("invalid_client");
                    assertThat(e.errorDescription()).hasValue("Client secret *** is not valid");
                    assertThat(e.status()).hasValue(401);
                    assertThat(e.getMessage()).contains("Token request POST " + WireMockSupport.base(server)
                            + "/oauth/token failed: HTTP 401, OAuth error invalid_client")
                            .contains("client id or secret").doesNotContain(CLIENT_SECRET.reveal());
                });

        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        server.verify(0, getRequestedFor(urlPathEqualTo("/items")));
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void aFailingTokenEndpointIsRetriedBrieflyThenAnAuthenticationError() {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"temporarily_unavailable\",\"error_description\":\"maintenance\"}")));

        assertThatThrownBy(() -> getItems(pipeline(credentials().build())))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).hasValue(503);
                    assertThat(e.error()).hasValue("temporarily_unavailable");
                    assertThat(e.errorDescription()).hasValue("maintenance");
                });

        server.verify(3, postRequestedFor(urlPathEqualTo("/oauth/token")));
        server.verify(0, getRequestedFor(urlPathEqualTo("/items")));
        assertThat(clock.sleeps()).hasSize(2);
    }

    @Test
    void aSuccessfulAnswerWithoutAccessTokenIsAnAuthenticationError() {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson(
                "{\"error\":\"invalid_scope\",\"error_description\":\"unknown scope nope\"}")));

        assertThatThrownBy(() -> getItems(pipeline(credentials().scopes("nope").build())))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.error()).hasValue("invalid_scope");
                    assertThat(e.getMessage()).contains("without an access_token").contains("Request only scopes");
                });
    }

    @Test
    void aBodyThatIsNotJsonIsAnAuthenticationErrorThatDoesNotQuoteTheBody() {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(200)
                .withBody("access_token=leaky-token-value&expires_in=3600")));

        assertThatThrownBy(() -> getItems(pipeline(credentials().build())))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("not JSON").hasMessageNotContaining("leaky-token-value")
                .satisfies(e -> assertThat(e.getCause()).isNull());
    }

    @Test
    void aRedirectingTokenEndpointIsNotFollowed() {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", "http://127.0.0.1:1/steal")));

        assertThatThrownBy(() -> getItems(pipeline(credentials().build())))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).hasValue(307);
                    assertThat(e.getMessage()).contains("redirect");
                });
        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void saysWhichSettingIsMissingAndShowsNoSecret() {
        assertThatThrownBy(() -> OAuth2ClientCredentials.builder().origin(WireMockSupport.origin(server))
                .clientId("x").clientSecret(CLIENT_SECRET).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tokenUrl");
        assertThatThrownBy(() -> credentials().param("grant_type", "password"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grant_type");
        assertThatThrownBy(() -> credentials().scopes("has space"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(credentials().build().toString()).contains(CLIENT_ID).doesNotContain(CLIENT_SECRET.reveal());
    }
}
