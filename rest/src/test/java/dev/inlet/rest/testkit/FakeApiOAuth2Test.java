package dev.inlet.rest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.Secret;
import dev.inlet.core.auth.ClientAuthentication;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.auth.OAuth2ClientCredentials;
import dev.inlet.core.auth.OAuth2RefreshToken;
import dev.inlet.core.http.Origin;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.testkit.Auth;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.RecordSet;
import dev.inlet.testkit.RecordedRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The fake's OAuth2 token endpoint, driven by Inlet's own OAuth2 credentials. */
class FakeApiOAuth2Test {

    @Test
    void clientCredentialsGetATokenAndRenewItWhenTheFakeExpiresIt() throws Exception {
        try (FakeApi api = FakeApi.builder().auth(Auth.oauth2("sync", "s3cret")).records(RecordSet.generate(30)).start()) {
            Credentials oauth = OAuth2ClientCredentials.builder().origin(Origin.of(api.baseUrl()))
                    .tokenUrl(api.baseUrl() + "/oauth/token").clientId("sync").clientSecret(Secret.of("s3cret")).build();
            assertThat(count(api, oauth)).isEqualTo(30);
            assertThat(api.tokensIssued()).isEqualTo(1);

            api.expireTokens();
            assertThat(count(api, oauth)).isEqualTo(30); // 401, renew, replay
            assertThat(api.tokensIssued()).isEqualTo(2);
            assertThat(api.requests()).anyMatch(r -> r.status() == 401);
            assertThat(api.requests().toString() + api.requests().stream().map(RecordedRequest::body).toList())
                    .doesNotContain("s3cret", "at-1");
            api.assertNoUnmatchedRequests();
        }
    }

    @Test
    void refreshTokensRotateThroughInletsRefreshTokenCredentials() throws Exception {
        try (FakeApi api = FakeApi.builder().auth(Auth.oauth2("app", "pw").withRefreshToken("rt-initial")).start()) {
            List<String> rotated = new CopyOnWriteArrayList<>();
            Credentials oauth = OAuth2RefreshToken.builder().origin(Origin.of(api.baseUrl()))
                    .tokenUrl(api.baseUrl() + "/oauth/token").clientId("app").clientSecret(Secret.of("pw"))
                    .clientAuthentication(ClientAuthentication.CLIENT_SECRET_POST)
                    .refreshToken(Secret.of("rt-initial")).onRefreshTokenRotated(s -> rotated.add(s.reveal())).build();
            assertThat(count(api, oauth)).isEqualTo(100);
            api.expireTokens();
            assertThat(count(api, oauth)).isEqualTo(100);
            assertThat(rotated).containsExactly("rt-1", "rt-2");
            // The old token refused and a wrong client: testkit's FakeApiTokenEndpointTest, on the wire.
        }
    }

    private static long count(FakeApi api, Credentials credentials) {
        Connector<JsonNode> connector = RestConnector.builder("fake").baseUrl(api.baseUrl()).path(api.path())
                .records("/data").paginator(Paginators.offset("offset", "limit", 50)).credentials(credentials).build();
        try (Stream<JsonNode> records = connector.records()) {
            return records.count();
        }
    }
}
