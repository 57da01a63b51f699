package dev.inlet.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.error.TransportException;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Transport;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.RecordingListener;
import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A GraphQL call that gives up on its transport is reported to the listener once. */
class CallFailedEventTest {

    @Test
    void aLastTransportFailureReachesTheListenerOnce() {
        FakeClock clock = new FakeClock();
        RecordingListener listener = new RecordingListener();
        AtomicInteger sent = new AtomicInteger();
        Transport refusing = (request, timeout) -> {
            sent.incrementAndGet();
            throw new ConnectException("Connection refused");
        };
        HttpPipeline pipeline = HttpPipeline.builder().transport(refusing).clock(clock).sleeper(clock)
                .listener(listener).build();
        GraphQlClient client = GraphQlClient.builder("https://api.example.test/graphql")
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).pipeline(pipeline).build();

        assertThatThrownBy(() -> client.execute("{ viewer { login } }")).isInstanceOf(TransportException.class)
                .hasMessageContaining("Connection refused");

        assertThat(sent).hasValue(2);
        assertThat(listener.failures()).singleElement().satisfies(f -> {
            assertThat(f.attempts()).isEqualTo(2);
            assertThat(f.method()).isEqualTo("POST");
            assertThat(f.url()).isEqualTo("https://api.example.test/graphql");
            assertThat(f.exceptionType()).isEqualTo(TransportException.class.getName());
            assertThat(f.message()).contains("Connection refused");
        });
        assertThat(listener.sent()).hasSize(2);
    }
}
