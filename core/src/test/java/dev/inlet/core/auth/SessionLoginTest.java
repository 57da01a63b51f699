package dev.inlet.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import dev.inlet.core.Secret;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Request;
import dev.inlet.core.testing.FakeClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionLoginTest {

    @RegisterExtension
    static WireMockExtension server = WireMockSupport.server();

    private static final Secret PASSWORD = Secret.of("correct horse battery");
    private final FakeClock clock = new FakeClock();

    private SessionLogin.Builder login() {
        byte[] body = ("{\"user\":\"ops\",\"password\":\"" + PASSWORD.reveal() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return SessionLogin.builder()
                .origin(WireMockSupport.origin(server))
                .loginRequest(Request.builder(WireMockSupport.base(server) + "/v1/login")
                        .post(body, "application/json").build())
                .tokenPointer("/data/token")
                .secrets(PASSWORD)
                .clock(clock).sleeper(clock);
    }

    private String getItems(Credentials credentials) {
        HttpPipeline pipeline = HttpPipeline.builder().credentials(credentials).clock(clock).sleeper(clock).build();
        return pipeline.execute(Request.builder(WireMockSupport.base(server) + "/items").build(),
                response -> response.bodyText());
    }

    private static void logins(String... answers) {
        String state = STARTED;
        for (int i = 0; i < answers.length; i++) {
            server.stubFor(post(urlPathEqualTo("/v1/login")).inScenario("logins").whenScenarioStateIs(state)
                    .willSetStateTo("login-" + (i + 1)).willReturn(okJson(answers[i])));
            state = "login-" + (i + 1);
        }
    }

    private static void itemsAccept(String header, String value) {
        server.stubFor(get(urlPathEqualTo("/items")).withHeader(header, equalTo(value))
                .willReturn(aResponse().withStatus(200).withBody("items for " + value)));
    }

    @Test
    void sendsTheTokenFoundByPointerInTheConfiguredHeaderUntilItExpires() {
        logins("{\"data\":{\"token\":\"sess-1\",\"expires_in\":900}}",
                "{\"data\":{\"token\":\"sess-2\",\"expires_in\":900}}");
        itemsAccept("X-Session-Token", "sess-1");
        itemsAccept("X-Session-Token", "sess-2");
        SessionLogin credentials = login().expiresInPointer("/data/expires_in").header("X-Session-Token", "")
                .build();

        assertThat(getItems(credentials)).isEqualTo("items for sess-1");
        clock.advance(Duration.ofSeconds(839));
        assertThat(getItems(credentials)).isEqualTo("items for sess-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(getItems(credentials)).isEqualTo("items for sess-2");

        assertThat(credentials.logins()).isEqualTo(2);
        server.verify(2, postRequestedFor(urlPathEqualTo("/v1/login"))
                .withRequestBody(equalToJson("{\"user\":\"ops\",\"password\":\"" + PASSWORD.reveal() + "\"}")));
    }

    @Test
    void readsAnExpiryInstantAndDefaultsToBearer() {
        logins("{\"data\":{\"token\":\"sess-1\",\"valid_until\":\"2026-01-01T01:00:00Z\"}}",
                "{\"data\":{\"token\":\"sess-2\",\"valid_until\":\"2026-01-01T02:00:00Z\"}}");
        itemsAccept("Authorization", "Bearer sess-1");
        itemsAccept("Authorization", "Bearer sess-2");
        SessionLogin credentials = login().expiresAtPointer("/data/valid_until").build();

        assertThat(getItems(credentials)).isEqualTo("items for Bearer sess-1");
        clock.advance(Duration.ofMinutes(59));
        assertThat(getItems(credentials)).isEqualTo("items for Bearer sess-2");
    }

    @Test
    void a401LogsInAgainAndReplaysOnce() {
        logins("{\"data\":{\"token\":\"sess-1\"}}", "{\"data\":{\"token\":\"sess-2\"}}");
        server.stubFor(get(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer sess-1"))
                .willReturn(aResponse().withStatus(401)));
        itemsAccept("Authorization", "Bearer sess-2");
        SessionLogin credentials = login().lifetime(Duration.ofHours(8)).build();

        assertThat(getItems(credentials)).isEqualTo("items for Bearer sess-2");
        assertThat(credentials.logins()).isEqualTo(2);
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void anAnswerWithoutATokenNamesThePointerNotTheBody() {
        logins("{\"data\":{\"session\":\"sess-hidden-1\"}}");

        assertThatThrownBy(() -> getItems(login().build())).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("without a token at /data/token").hasMessageNotContaining("sess-hidden-1");
    }

    @Test
    void aRefusedLoginIsOneRequestAndScrubsAnEchoedPassword() {
        server.stubFor(post(urlPathEqualTo("/v1/login")).willReturn(aResponse().withStatus(401)
                .withBody("wrong password '" + PASSWORD.reveal() + "' for ops")));

        assertThatThrownBy(() -> getItems(login().build()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).hasValue(401);
                    assertThat(e.getMessage()).contains("Session login POST").contains("wrong password '***'")
                            .doesNotContain(PASSWORD.reveal());
                });
        server.verify(1, postRequestedFor(urlPathEqualTo("/v1/login")));
    }

    @Test
    void refusesAPointerThatIsNotOneAndAHeaderLogsWouldShow() {
        assertThatThrownBy(() -> login().tokenPointer("data.token")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON Pointer");
        assertThatThrownBy(() -> login().header("X-Context", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("masks in logs");
        assertThat(login().build().toString()).contains("/v1/login").doesNotContain(PASSWORD.reveal());
    }
}
