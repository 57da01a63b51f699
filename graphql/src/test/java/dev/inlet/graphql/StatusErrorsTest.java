package dev.inlet.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.error.DecodingException;
import dev.inlet.core.Headers;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.RecordingListener;
import dev.inlet.graphql.Fixtures.Stub;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import dev.inlet.graphql.error.GraphQlErrorsException;

/** GraphQL errors answered with a non-2xx status stay structured, and retries stay the policy's. */
class StatusErrorsTest {

    private static final Headers JSON = Headers.of("Content-Type", "application/json");
    private static final String OK = "{\"data\":{\"viewer\":{\"login\":\"octocat\"}}}";

    private final FakeClock clock = new FakeClock();
    private final AtomicInteger calls = new AtomicInteger();

    private GraphQlClient client(Function<Integer, Stub> answer) {
        RetryPolicy noJitter = RetryPolicy.builder().backoff(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .fullJitter(false).build();
        return GraphQlClient.builder("https://api.example.test/graphql").retryPolicy(noJitter)
                .pipeline(Fixtures.stubbed(clock, new RecordingListener(), body -> answer.apply(
                        calls.incrementAndGet()))).build();
    }

    @Test
    void aValidationErrorAnsweredWith400KeepsItsCodeAndIsNotRetried() {
        GraphQlClient client = client(n -> new Stub(400, JSON, "{\"errors\":[{\"message\":\"Cannot query field "
                + "'colour' on type 'Order'.\",\"locations\":[{\"line\":1,\"column\":20}],"
                + "\"extensions\":{\"code\":\"GRAPHQL_VALIDATION_FAILED\"}}]}"));

        assertThatThrownBy(() -> client.execute("{ viewer { login } }"))
                .isInstanceOfSatisfying(GraphQlErrorsException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.code()).hasValue("GRAPHQL_VALIDATION_FAILED");
                        assertThat(error.locations()).containsExactly(new GraphQlError.Location(1, 20));
                    });
                    assertThat(e.getMessage()).startsWith("HTTP 400 from POST https://api.example.test/graphql");
                    assertThat(e.response().orElseThrow().info().status()).isEqualTo(400);
                });
        assertThat(calls).hasValue(1);
    }

    @Test
    void aThrottled429WithCostDataIsRetriedAfterTheComputedWait() {
        GraphQlClient client = client(n -> n == 1 ? new Stub(429, JSON, "{\"errors\":[{\"message\":\"Throttled\","
                + "\"extensions\":{\"code\":\"THROTTLED\"}}],\"extensions\":{\"cost\":{\"requestedQueryCost\":52,"
                + "\"actualQueryCost\":null,\"throttleStatus\":{\"maximumAvailable\":1000.0,"
                + "\"currentlyAvailable\":12.0,\"restoreRate\":50.0}}}}") : Stub.json(OK));

        assertThat(client.execute("{ viewer { login } }").get("viewer.login", String.class)).hasValue("octocat");
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(800));
    }

    @Test
    void aServerErrorWithAGraphQlBodyIsStillRetriedByThePolicy() {
        GraphQlClient client = client(n -> n == 1
                ? new Stub(503, JSON, "{\"errors\":[{\"message\":\"upstream unavailable\"}]}") : Stub.json(OK));

        assertThat(client.execute("{ viewer { login } }").get("viewer.login", String.class)).hasValue("octocat");
        assertThat(calls).hasValue(2);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void bodiesThatAreNotGraphQlErrorsKeepTheStatusException() {
        GraphQlClient client = client(n -> new Stub(401, JSON, "{\"message\":\"Bad credentials\"}"));

        assertThatThrownBy(() -> client.execute("{ viewer { login } }"))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.bodyExcerpt()).contains("Bad credentials");
                });
    }

    @Test
    void aSuccessThatIsNotAGraphQlResponseIsADecodingError() {
        GraphQlClient html = client(n -> new Stub(200, Headers.of("Content-Type", "text/html"), "<html>oops</html>"));
        assertThatThrownBy(() -> html.execute("{ viewer { login } }"))
                .isInstanceOfSatisfying(DecodingException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.bodyExcerpt()).contains("<html>oops");
                });
        assertThat(calls).as("an HTML page with 200 is retried, like REST").hasValue(5);

        GraphQlClient wrongEndpoint = client(n -> Stub.json("{\"items\":[]}"));
        assertThatThrownBy(() -> wrongEndpoint.execute("{ viewer { login } }")).isInstanceOf(DecodingException.class)
                .hasMessageContaining("Not a GraphQL response");
    }
}
