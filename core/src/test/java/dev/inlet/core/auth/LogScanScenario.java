package dev.inlet.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.inlet.core.error.InletException;
import dev.inlet.core.InletListener;
import dev.inlet.core.Secret;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.testing.FakeClock;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A full run with every credential type against fake servers, with Inlet's loggers at TRACE, a
 * listener printing every event, and every failure's message, stack trace and every credential's
 * {@code toString()} printed: {@link LogScanTest} runs it in a separate JVM (so logging can be
 * configured from the start) and scans all it wrote for secrets.
 */
public final class LogScanScenario {

    static final String API_KEY_HEADER = "hdr-key-7f3a91c2";
    static final String API_KEY_QUERY = "qry-key-2b8e44d0";
    static final String API_KEY_COOKIE = "cky-key-91aa03fe";
    static final String BEARER_STATIC = "bearer-static-5c1e0a";
    static final String BEARER_FUNCTION = "bearer-fn-8d2f6e";
    static final String BASIC_PASSWORD = "basic-pass-3e7b55";
    static final String CLIENT_SECRET = "client-secret-6a0d21";
    static final String BAD_CLIENT_SECRET = "bad-client-secret-11fe";
    static final String ACCESS_TOKEN_1 = "access-token-one-4c2a";
    static final String ACCESS_TOKEN_2 = "access-token-two-9e1b";
    static final String ACCESS_TOKEN_3 = "access-token-three-5f0c";
    static final String REFRESH_TOKEN_1 = "refresh-token-one-0b3c";
    static final String REFRESH_TOKEN_2 = "refresh-token-two-7d5e";
    static final String SESSION_PASSWORD = "session-pass-2f9a81";
    static final String SESSION_TOKEN = "session-token-6b8c40";
    static final String HMAC_KEY = "hmac-key-4e6f19";
    static final String AWS_SECRET = "aws-secret-key-8a1c77";
    static final String AWS_SESSION = "aws-session-token-3d7f02";

    /** Every string that must not appear in the run's output. */
    static List<String> forbidden() {
        List<String> all = new ArrayList<>(List.of(API_KEY_HEADER, API_KEY_QUERY, API_KEY_COOKIE, BEARER_STATIC,
                BEARER_FUNCTION, BASIC_PASSWORD, CLIENT_SECRET, BAD_CLIENT_SECRET, ACCESS_TOKEN_1, ACCESS_TOKEN_2,
                ACCESS_TOKEN_3, REFRESH_TOKEN_1, REFRESH_TOKEN_2, SESSION_PASSWORD, SESSION_TOKEN, HMAC_KEY,
                AWS_SECRET, AWS_SESSION));
        // The Basic headers carry secrets in base64.
        all.add(base64("scan-user:" + BASIC_PASSWORD));
        all.add(base64("scan-client:" + CLIENT_SECRET));
        return all;
    }

    private static final PrintStream OUT = System.out;

    private LogScanScenario() {
    }

    public static void main(String[] args) {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        WireMockServer elsewhere = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        elsewhere.start();
        try {
            run(server, elsewhere);
            OUT.println("SCENARIO COMPLETE");
        } finally {
            server.stop();
            elsewhere.stop();
        }
        System.exit(0);
    }

    private static void run(WireMockServer server, WireMockServer elsewhere) {
        String base = "http://127.0.0.1:" + server.port();
        Origin origin = Origin.of(base);
        stub(server, elsewhere);
        FakeClock clock = new FakeClock();
        InletListener listener = new InletListener() {
            @Override
            public void requestSent(RequestSent event) {
                OUT.println("EVENT " + event);
            }

            @Override
            public void responseReceived(ResponseReceived event) {
                OUT.println("EVENT " + event);
            }

            @Override
            public void retryScheduled(RetryScheduled event) {
                OUT.println("EVENT " + event);
            }
        };

        List<Credentials> all = new ArrayList<>();
        all.add(Credentials.apiKeyHeader(origin, "X-Api-Key", Secret.of(API_KEY_HEADER)));
        all.add(Credentials.apiKeyQuery(origin, "appid", Secret.of(API_KEY_QUERY)));
        all.add(Credentials.apiKeyCookie(origin, "api_session", Secret.of(API_KEY_COOKIE)));
        all.add(Credentials.bearer(origin, Secret.of(BEARER_STATIC)));
        all.add(Credentials.bearer(origin, () -> Secret.of(BEARER_FUNCTION)));
        all.add(Credentials.basic(origin, "scan-user", Secret.of(BASIC_PASSWORD)));
        all.add(OAuth2ClientCredentials.builder().origin(origin).tokenUrl(base + "/oauth/token")
                .clientId("scan-client").clientSecret(Secret.of(CLIENT_SECRET)).scopes("items:read")
                .clock(clock).sleeper(clock).listener(listener).build());
        all.add(OAuth2RefreshToken.builder().origin(origin).tokenUrl(base + "/oauth/refresh").clientId("scan-client")
                .clientSecret(Secret.of(CLIENT_SECRET)).clientAuthentication(ClientAuthentication.CLIENT_SECRET_POST)
                .refreshToken(Secret.of(REFRESH_TOKEN_1))
                .onRefreshTokenRotated(rotated -> {
                    OUT.println("ROTATED " + rotated);
                    throw new IllegalStateException("could not store " + rotated.reveal());
                })
                .clock(clock).sleeper(clock).listener(listener).build());
        all.add(SessionLogin.builder().origin(origin)
                .loginRequest(Request.builder(base + "/login").post(("{\"password\":\"" + SESSION_PASSWORD + "\"}")
                        .getBytes(StandardCharsets.UTF_8), "application/json").build())
                .tokenPointer("/data/token").expiresInPointer("/data/expires_in").header("X-Session-Token", "")
                .secrets(Secret.of(SESSION_PASSWORD)).clock(clock).sleeper(clock).listener(listener).build());
        all.add(HmacSigner.builder().origin(origin).key(Secret.of(HMAC_KEY)).keyId("scan-key")
                .signedHeaders("Host", "Content-Type").clock(clock).build());
        all.add(AwsSigV4.builder().origin(origin).region("eu-west-1").service("execute-api")
                .credentials(AwsCredentials.of("AKIDSCAN", Secret.of(AWS_SECRET), Secret.of(AWS_SESSION)))
                .clock(clock).build());

        for (Credentials credentials : all) {
            OUT.println("CREDENTIALS " + credentials);
            HttpPipeline pipeline = HttpPipeline.builder().credentials(credentials).listener(listener)
                    .allowRedirectsTo(Origin.of("http://127.0.0.1:" + elsewhere.port()))
                    .clock(clock).sleeper(clock).build();
            call(pipeline, Request.builder(base + "/data/items?page=1").build());
            call(pipeline, Request.builder(base + "/data/items").post("{\"q\":1}".getBytes(StandardCharsets.UTF_8),
                    "application/json").idempotent(true).build());
            call(pipeline, Request.builder(base + "/data/flaky").build());
            call(pipeline, Request.builder(base + "/data/missing").build());
            call(pipeline, Request.builder(base + "/redirect").build());
        }

        // Failing token endpoints and logins.
        Credentials badClient = OAuth2ClientCredentials.builder().origin(origin).tokenUrl(base + "/oauth/bad-token")
                .clientId("scan-client").clientSecret(Secret.of(BAD_CLIENT_SECRET))
                .clientAuthentication(ClientAuthentication.CLIENT_SECRET_POST).clock(clock).sleeper(clock)
                .listener(listener).build();
        Credentials downClient = OAuth2ClientCredentials.builder().origin(origin)
                .tokenUrl(base + "/oauth/down-token").clientId("scan-client").clientSecret(Secret.of(CLIENT_SECRET))
                .clock(clock).sleeper(clock).listener(listener).build();
        Credentials badLogin = SessionLogin.builder().origin(origin)
                .loginRequest(Request.builder(base + "/login-bad").post(("{\"password\":\"" + SESSION_PASSWORD
                        + "\"}").getBytes(StandardCharsets.UTF_8), "application/json").build())
                .tokenPointer("/data/token").secrets(Secret.of(SESSION_PASSWORD)).clock(clock).sleeper(clock)
                .build();
        for (Credentials failing : List.of(badClient, downClient, badLogin)) {
            OUT.println("CREDENTIALS " + failing);
            call(HttpPipeline.builder().credentials(failing).listener(listener).clock(clock).sleeper(clock).build(),
                    Request.builder(base + "/data/items").build());
        }

        OUT.println("SECRET " + Secret.of(CLIENT_SECRET));
        verifyTheSecretsWereSent(server);
    }

    private static void call(HttpPipeline pipeline, Request request) {
        try {
            int status = pipeline.execute(request, response -> response.status());
            OUT.println("OK " + status + " " + request);
        } catch (InletException e) {
            OUT.println("EXCEPTION " + e);
            e.printStackTrace(OUT);
        }
    }

    /** The secrets really went out, so their absence from the output means something. */
    private static void verifyTheSecretsWereSent(WireMockServer server) {
        int checked = 0;
        String[][] expected = {
            {"X-Api-Key", API_KEY_HEADER}, {"Cookie", "api_session=" + API_KEY_COOKIE},
            {"Authorization", "Bearer " + BEARER_STATIC}, {"Authorization", "Bearer " + BEARER_FUNCTION},
            {"Authorization", "Basic " + base64("scan-user:" + BASIC_PASSWORD)},
            {"Authorization", "Bearer " + ACCESS_TOKEN_2}, {"Authorization", "Bearer " + ACCESS_TOKEN_3},
            {"X-Session-Token", SESSION_TOKEN}, {"X-Amz-Security-Token", AWS_SESSION},
        };
        for (String[] header : expected) {
            if (server.findAll(anyRequestedFor(urlPathMatching("/data/.*")).withHeader(header[0],
                    equalTo(header[1]))).isEmpty()) {
                throw new IllegalStateException("no data request carried the expected " + header[0]);
            }
            checked++;
        }
        if (server.findAll(anyRequestedFor(urlPathMatching("/data/.*")).withQueryParam("appid",
                equalTo(API_KEY_QUERY))).isEmpty()) {
            throw new IllegalStateException("no data request carried the query key");
        }
        OUT.println("VERIFIED " + (checked + 1) + " kinds of credentials on the wire");
    }

    private static void stub(WireMockServer server, WireMockServer elsewhere) {
        server.stubFor(any(urlPathMatching("/data/.*")).willReturn(okJson("{\"items\":[]}")));
        server.stubFor(get(urlPathEqualTo("/data/flaky")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
        server.stubFor(get(urlPathEqualTo("/data/flaky")).inScenario("flaky").whenScenarioStateIs("up")
                .willSetStateTo(STARTED).willReturn(okJson("{}")));
        server.stubFor(get(urlPathEqualTo("/data/missing")).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"not found\"}")));
        server.stubFor(get(urlPathEqualTo("/redirect")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + elsewhere.port() + "/landing")));
        elsewhere.stubFor(any(urlPathEqualTo("/landing")).willReturn(okJson("{}")));
        // The client-credentials token: the first is refused by the API (401), the second accepted.
        server.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willSetStateTo("second").willReturn(okJson("{\"access_token\":\"" + ACCESS_TOKEN_1
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        server.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\":\"" + ACCESS_TOKEN_2 + "\",\"expires_in\":3600}")));
        server.stubFor(any(urlPathMatching("/data/.*")).withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN_1))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_token\"}")));
        server.stubFor(post(urlPathEqualTo("/oauth/refresh")).withRequestBody(containing(REFRESH_TOKEN_1))
                .willReturn(okJson("{\"access_token\":\"" + ACCESS_TOKEN_3 + "\",\"refresh_token\":\""
                        + REFRESH_TOKEN_2 + "\",\"expires_in\":3600}")));
        server.stubFor(post(urlPathEqualTo("/oauth/bad-token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\","
                        + "\"error_description\":\"secret " + BAD_CLIENT_SECRET + " does not match\"}")));
        server.stubFor(post(urlPathEqualTo("/oauth/down-token")).willReturn(aResponse().withStatus(503)
                .withBody("upstream down")));
        server.stubFor(post(urlPathEqualTo("/login")).willReturn(okJson("{\"data\":{\"token\":\"" + SESSION_TOKEN
                + "\",\"expires_in\":600}}")));
        server.stubFor(post(urlPathEqualTo("/login-bad")).willReturn(aResponse().withStatus(401)
                .withBody("wrong password " + SESSION_PASSWORD)));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
