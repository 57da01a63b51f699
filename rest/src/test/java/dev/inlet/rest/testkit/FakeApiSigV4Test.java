package dev.inlet.rest.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.Secret;
import dev.inlet.core.auth.AwsCredentials;
import dev.inlet.core.auth.AwsSigV4;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.http.Origin;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.testkit.Auth;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.RecordSet;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The fake checks AWS SigV4 as AWS does; Inlet's AwsSigV4 signer passes, a wrong key or an old date does not. */
class FakeApiSigV4Test {

    @Test
    void inletsSigV4SignaturePassesAndAWrongKeyOrAStaleDateIsRefused() throws Exception {
        try (FakeApi api = FakeApi.builder().auth(Auth.awsSigV4("AKIDEXAMPLE", "s3cr3t", "eu-west-1", "execute-api"))
                .records(RecordSet.generate(25)).start()) {
            assertThat(count(api, signer(api, "s3cr3t", Clock.systemUTC()))).isEqualTo(25); // 3 pages, then an empty one
            assertThat(api.requests()).hasSize(4).allMatch(r -> r.status() == 200 && r.query().size() == 2);

            assertThatThrownBy(() -> count(api, signer(api, "wrong", Clock.systemUTC())))
                    .isInstanceOf(HttpStatusException.class).hasMessageContaining("401");
            Clock anHourAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
            assertThatThrownBy(() -> count(api, signer(api, "s3cr3t", anHourAgo)))
                    .isInstanceOf(HttpStatusException.class).hasMessageContaining("401");
            assertThatThrownBy(() -> count(api, null)) // unsigned
                    .isInstanceOf(HttpStatusException.class).hasMessageContaining("401");
            assertThat(api.requests().toString()).doesNotContain("s3cr3t");
        }
    }

    private static Credentials signer(FakeApi api, String secret, Clock clock) {
        return AwsSigV4.builder().origin(Origin.of(api.baseUrl())).region("eu-west-1").service("execute-api")
                .credentials(AwsCredentials.of("AKIDEXAMPLE", Secret.of(secret))).clock(clock).build();
    }

    /** The records read with the credentials, or unsigned when they are null. */
    private static long count(FakeApi api, Credentials credentials) {
        var builder = RestConnector.builder("fake").baseUrl(api.baseUrl()).path(api.path()).records("/data")
                .paginator(Paginators.offset("offset", "limit", 10)).retryPolicy(RetryPolicy.none());
        Connector<JsonNode> connector = (credentials == null ? builder : builder.credentials(credentials)).build();
        try (Stream<JsonNode> records = connector.records()) {
            return records.count();
        }
    }
}
