package dev.inlet.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Secret;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SimpleCredentialsTest {

    private static final Origin API = Origin.of("https://api.example.com");
    private static final Secret KEY = Secret.of("k3y-VALUE/with+specials=");

    @Test
    void apiKeyHeaderReplacesTheHeaderOnRequestsForItsOrigin() throws Exception {
        Credentials credentials = Credentials.apiKeyHeader(API, "X-Api-Key", KEY);
        RecordingChain chain = new RecordingChain(Request.builder("https://api.example.com/v1/items")
                .header("X-Api-Key", "stale").build());

        credentials.intercept(chain);

        assertThat(chain.last().headers().all("X-Api-Key")).containsExactly(KEY.reveal());
        assertThat(credentials.toString()).doesNotContain(KEY.reveal()).contains("X-Api-Key");
    }

    @Test
    void leavesRequestsForEveryOtherOriginUntouched() throws Exception {
        Request elsewhere = Request.builder("https://cdn.example.com/v1/items?page=2").build();
        Request otherPort = Request.builder("https://api.example.com:8443/v1/items").build();
        Request otherScheme = Request.builder("http://api.example.com/v1/items").build();
        for (Credentials credentials : new Credentials[] {
            Credentials.apiKeyHeader(API, "X-Api-Key", KEY), Credentials.apiKeyQuery(API, "api_key", KEY),
            Credentials.apiKeyCookie(API, "key", Secret.of("cookie-key")), Credentials.bearer(API, KEY),
            Credentials.basic(API, "user", KEY)}) {
            for (Request request : new Request[] {elsewhere, otherPort, otherScheme}) {
                RecordingChain chain = new RecordingChain(request);

                credentials.intercept(chain);

                assertThat(chain.last()).as("%s on %s", credentials, request).isEqualTo(request);
                assertThat(credentials.appliesTo(request.origin())).isFalse();
            }
            assertThat(credentials.appliesTo(API)).isTrue();
        }
    }

    @Test
    void refusesAHeaderNameWhoseValuesLogsWouldShow() {
        assertThatThrownBy(() -> Credentials.apiKeyHeader(API, "X-Weather-Region", KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-Weather-Region").hasMessageContaining("masks in logs");
        // Names that say what they carry are masked, so they are accepted (Azure API Management's, say).
        assertThat(Credentials.apiKeyHeader(API, "Ocp-Apim-Subscription-Key", KEY).toString())
                .doesNotContain(KEY.reveal());
        assertThatThrownBy(() -> Credentials.apiKeyHeader(API, "Bad Header", KEY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void apiKeyQueryAddsTheEncodedKeyReplacingAnyValueAndMarksItSensitive() throws Exception {
        Credentials credentials = Credentials.apiKeyQuery(API, "appid", KEY);
        RecordingChain chain = new RecordingChain(
                Request.builder("https://api.example.com/v1/items?q=a%20b&appid=old&page=2").build());

        Response response = credentials.intercept(chain);

        Request sent = chain.last();
        assertThat(sent.uri().getRawQuery()).isEqualTo("q=a%20b&page=2&appid=k3y-VALUE%2Fwith%2Bspecials%3D");
        assertThat(sent.uri().getQuery()).contains("appid=" + KEY.reveal());
        assertThat(sent.toString()).doesNotContain("k3y").contains("appid=***");
        assertThat(response.request().uri().toString()).as("the response names the request without the key")
                .doesNotContain("k3y");
        assertThat(response.info().redactedUri()).doesNotContain("k3y");
    }

    @Test
    void apiKeyCookieJoinsTheRequestsOtherCookies() throws Exception {
        Credentials credentials = Credentials.apiKeyCookie(API, "api_session", Secret.of("c00kie-key"));
        RecordingChain chain = new RecordingChain(Request.builder("https://api.example.com/")
                .header("Cookie", "theme=dark; api_session=old").build());

        credentials.intercept(chain);

        assertThat(chain.last().headers().all("Cookie")).containsExactly("theme=dark; api_session=c00kie-key");
        assertThat(chain.last().headers().toString()).doesNotContain("c00kie-key");
    }

    @Test
    void apiKeyCookieRefusesNamesAndValuesACookieCannotCarry() {
        assertThatThrownBy(() -> Credentials.apiKeyCookie(API, "bad name", KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cookie name");
        assertThatThrownBy(() -> Credentials.apiKeyCookie(API, "k", Secret.of("a;b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("a;b");
    }

    @Test
    void bearerFunctionIsAskedOnEveryAttempt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Credentials credentials = Credentials.bearer(API, () -> Secret.of("token-" + calls.incrementAndGet()));
        RecordingChain chain = new RecordingChain(Request.builder("https://api.example.com/").build());

        credentials.intercept(chain);
        credentials.intercept(chain);

        assertThat(chain.sent).extracting(r -> r.headers().first("Authorization").orElseThrow())
                .containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void bearerFunctionReturningNothingIsAnAuthenticationError() {
        Credentials credentials = Credentials.bearer(API, () -> null);
        RecordingChain chain = new RecordingChain(Request.builder("https://api.example.com/").build());

        assertThatThrownBy(() -> credentials.intercept(chain)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("returned no token");
    }

    @Test
    void basicEncodesUserAndPasswordAsRfc7617Shows() throws Exception {
        // RFC 7617 §2: user "Aladdin", password "open sesame".
        Credentials credentials = Credentials.basic(API, "Aladdin", Secret.of("open sesame"));
        RecordingChain chain = new RecordingChain(Request.builder("https://api.example.com/").build());

        credentials.intercept(chain);

        assertThat(chain.last().headers().first("Authorization")).hasValue("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertThat(credentials.toString()).contains("Aladdin").doesNotContain("open sesame");
        assertThatThrownBy(() -> Credentials.basic(API, "a:b", KEY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allAppliesEachCredentialOnlyToItsOwnOrigin() throws Exception {
        Origin other = Origin.of("https://files.example.com");
        Credentials credentials = Credentials.all(Credentials.apiKeyHeader(API, "X-Api-Key", KEY),
                Credentials.bearer(other, Secret.of("files-token")));
        RecordingChain toApi = new RecordingChain(Request.builder("https://api.example.com/a").build());
        RecordingChain toFiles = new RecordingChain(Request.builder("https://files.example.com/b").build());

        credentials.intercept(toApi);
        credentials.intercept(toFiles);

        assertThat(toApi.last().headers().names()).containsExactly("X-Api-Key");
        assertThat(toFiles.last().headers().names()).containsExactly("Authorization");
        assertThat(credentials.appliesTo(other)).isTrue();
        assertThat(credentials.appliesTo(Origin.of("https://evil.example.net"))).isFalse();
        assertThatThrownBy(Credentials::all).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOriginsThatAreNotHttp() {
        assertThatThrownBy(() -> Credentials.bearer(new Origin("ftp", "x", 21), KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s) origin");
    }
}
