package dev.inlet.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.Secret;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Request;
import dev.inlet.core.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OAuth2RefreshTokenTest {

    @RegisterExtension
    static WireMockExtension server = WireMockSupport.server();

    private final FakeClock clock = new FakeClock();
    private final List<Secret> persisted = new CopyOnWriteArrayList<>();

    private OAuth2RefreshToken.Builder credentials(String refreshToken) {
        return OAuth2RefreshToken.builder()
                .origin(WireMockSupport.origin(server))
                .tokenUrl(WireMockSupport.base(server) + "/oauth/token")
                .clientId("inlet").clientSecret(Secret.of("refresh-client-secret"))
                .refreshToken(Secret.of(refreshToken))
                .onRefreshTokenRotated(persisted::add)
                .clock(clock).sleeper(clock);
    }

    private String getItems(Credentials credentials) {
        HttpPipeline pipeline = HttpPipeline.builder().credentials(credentials).clock(clock).sleeper(clock).build();
        return pipeline.execute(Request.builder(WireMockSupport.base(server) + "/items").build(),
                response -> response.bodyText());
    }

    /** Refreshing with {@code presented} yields access token {@code access} and refresh token {@code next}. */
    private static void refreshes(String presented, String access, String next) {
        server.stubFor(post(urlPathEqualTo("/oauth/token"))
                .withRequestBody(containing("refresh_token=" + presented))
                .willReturn(okJson("{\"access_token\":\"" + access + "\",\"expires_in\":600"
                        + (next == null ? "" : ",\"refresh_token\":\"" + next + "\"") + "}")));
        server.stubFor(get(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer " + access))
                .willReturn(aResponse().withStatus(200).withBody(access)));
    }

    @Test
    void aRotatedRefreshTokenIsUsedForTheNextRefreshAndHandedToTheHost() {
        refreshes("rt-1", "at-1", "rt-2");
        refreshes("rt-2", "at-2", "rt-3");
        OAuth2RefreshToken credentials = credentials("rt-1").build();

        assertThat(getItems(credentials)).isEqualTo("at-1");
        assertThat(persisted).containsExactly(Secret.of("rt-2"));
        clock.advance(Duration.ofSeconds(600));
        assertThat(getItems(credentials)).isEqualTo("at-2");

        assertThat(persisted).containsExactly(Secret.of("rt-2"), Secret.of("rt-3"));
        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=rt-1")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=rt-2")));
    }

    @Test
    void aRefreshWithoutANewRefreshTokenKeepsTheOldOneAndCallsNobody() {
        refreshes("rt-1", "at-1", null);
        OAuth2RefreshToken credentials = credentials("rt-1").build();

        getItems(credentials);
        clock.advance(Duration.ofSeconds(600));
        getItems(credentials);

        assertThat(persisted).isEmpty();
        server.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=rt-1")));
    }

    @Test
    void aFailingCallbackDoesNotLoseTheRotatedToken() {
        refreshes("rt-1", "at-1", "rt-2");
        refreshes("rt-2", "at-2", "rt-3");
        OAuth2RefreshToken credentials = credentials("rt-1").onRefreshTokenRotated(token -> {
            throw new IllegalStateException("database down while saving " + token.reveal());
        }).build();

        assertThat(getItems(credentials)).isEqualTo("at-1");
        clock.advance(Duration.ofSeconds(600));
        assertThat(getItems(credentials)).isEqualTo("at-2");
    }

    @Test
    void invalidGrantSaysToAuthorizeAgainWithoutShowingTheRefreshToken() {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"refresh token rt-revoked-9 "
                        + "was revoked\"}")));

        assertThatThrownBy(() -> getItems(credentials("rt-revoked-9").build()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.error()).hasValue("invalid_grant");
                    assertThat(e.errorDescription()).hasValue("refresh token *** was revoked");
                    assertThat(e.getMessage()).contains("authorize again").doesNotContain("rt-revoked-9");
                });
        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void aPublicClientSendsItsIdInTheForm() {
        refreshes("rt-1", "at-1", null);
        OAuth2RefreshToken credentials = OAuth2RefreshToken.builder()
                .origin(WireMockSupport.origin(server))
                .tokenUrl(WireMockSupport.base(server) + "/oauth/token")
                .clientId("mobile-app").refreshToken(Secret.of("rt-1")).scopes("items:read")
                .clock(clock).sleeper(clock).build();

        assertThat(getItems(credentials)).isEqualTo("at-1");
        server.verify(postRequestedFor(urlPathEqualTo("/oauth/token")).withHeader("Authorization", absent())
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=rt-1&scope=items%3Aread"
                        + "&client_id=mobile-app")));
        assertThat(credentials.toString()).contains("mobile-app").doesNotContain("rt-1");
    }
}
