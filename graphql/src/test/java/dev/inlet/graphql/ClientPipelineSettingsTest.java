package dev.inlet.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.breaker.CircuitBreakers;
import dev.inlet.core.http.Interceptor;
import dev.inlet.core.http.PipelineSettings;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.RecordingListener;
import dev.inlet.graphql.Fixtures.Stub;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The GraphQL client builder offers every shared pipeline setting, the circuit breaker among them. */
class ClientPipelineSettingsTest {

    private static final String OK = "{\"data\":{\"viewer\":{\"login\":\"octocat\"}}}";

    @Test
    void theCircuitBreakerSetOnTheClientGuardsItsRequests() {
        AtomicInteger guarded = new AtomicInteger();
        Interceptor breaker = chain -> {
            guarded.incrementAndGet();
            return chain.proceed(chain.request());
        };
        GraphQlClient client = GraphQlClient.builder("https://api.example.test/graphql").retryPolicy(RetryPolicy.none())
                .pipeline(Fixtures.stubbed(new FakeClock(), new RecordingListener(), body -> Stub.json(OK)))
                .circuitBreaker(breaker).build();

        assertThat(client.execute("{ viewer { login } }").get("viewer.login", String.class)).hasValue("octocat");
        assertThat(guarded).hasValue(1);
    }

    @Test
    void theClientBuilderIsAPipelineSettingsBuilder() {
        PipelineSettings<GraphQlClient.Builder> settings = GraphQlClient.builder("https://api.example.test/graphql");
        assertThat(settings.circuitBreaker(CircuitBreakers.create().perHost())).isSameAs(settings);
    }
}
