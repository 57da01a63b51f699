package dev.inlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The fake's OAuth2 token endpoint on the wire: a rotated refresh token is refused, a wrong client
 * is a 401, and the recording masks the secret. Inlet's own OAuth2 credentials against it are
 * inlet-rest's FakeApiOAuth2Test (the kit's tests do not depend on inlet-rest).
 */
class FakeApiTokenEndpointTest {

    private static final String REFRESH = "grant_type=refresh_token&client_id=app&client_secret=pw&refresh_token=";

    @Test
    void aRotatedRefreshTokenIsRefusedAndAWrongClientIsA401() throws Exception {
        try (FakeApi api = FakeApi.builder().auth(Auth.oauth2("app", "pw").withRefreshToken("rt-initial")).start()) {
            var rotated = Http.post(api, "/oauth/token", REFRESH + "rt-initial");
            assertThat(rotated.statusCode()).isEqualTo(200);
            assertThat(rotated.body()).contains("\"refresh_token\":\"rt-1\"");

            var reused = Http.post(api, "/oauth/token", REFRESH + "rt-initial");
            assertThat(reused.statusCode()).isEqualTo(400);
            assertThat(reused.body()).contains("invalid_grant");
            assertThat(Http.post(api, "/oauth/token", REFRESH + "rt-1").statusCode()).isEqualTo(200);

            var wrongClient = Http.post(api, "/oauth/token",
                    "grant_type=client_credentials&client_id=app&client_secret=no");
            assertThat(wrongClient.statusCode()).isEqualTo(401);
            assertThat(api.requests().get(api.requests().size() - 1).body()).contains("client_secret=***")
                    .doesNotContain("client_secret=no");
            assertThat(api.tokensIssued()).isEqualTo(2);
        }
    }
}
