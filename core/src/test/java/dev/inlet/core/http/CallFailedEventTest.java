package dev.inlet.core.http;

import dev.inlet.core.testing.EmptyPage;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.inlet.core.http.Stubs.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.InletListener.CallFailed;
import dev.inlet.core.InletListener.RequestSent;
import dev.inlet.core.OpenPage;
import dev.inlet.core.Position;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.RecordingListener;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Events of one call carry one exchange id, shared by its attempts and by every fetch of one page; a
 * call that gives up is reported once, on every path.
 */
class CallFailedEventTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeClock clock = new FakeClock();
    private final RecordingListener listener = new RecordingListener();
    private final HttpPipeline pipeline = HttpPipeline.builder().clock(clock).sleeper(clock).listener(listener)
            .retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build();

    private Request request(String path) {
        return Request.builder(server.baseUrl() + path + "?api_key=s3cr3t-value").connector("c").build();
    }

    @Test
    void aLastTransportFailureThroughSendReachesTheListenerOnce() {
        server.stubFor(get(urlPathEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> pipeline.send(request("/reset"))).isInstanceOf(TransportException.class);
        assertThat(listener.failures()).hasSize(1);
        CallFailed failed = listener.failures().get(0);
        assertThat(failed.connector()).isEqualTo("c");
        assertThat(failed.method()).isEqualTo("GET");
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.exceptionType()).isEqualTo(TransportException.class.getName());
        assertThat(failed.url()).contains("/reset").doesNotContain("s3cr3t-value");
        assertThat(failed.message()).isNotBlank().doesNotContain("s3cr3t-value");
        assertThat(failed.exchangeId()).isNotBlank();
        assertThat(listener.events().get(listener.events().size() - 1)).as("the last event").isEqualTo(failed);
    }

    @Test
    void aStatusThatIsNotRetriedThroughExecuteReachesTheListenerOnce() {
        server.stubFor(get(urlPathEqualTo("/gone")).willReturn(aResponse().withStatus(404)));
        assertThatThrownBy(() -> pipeline.execute(request("/gone"), r -> "never"))
                .isInstanceOf(HttpStatusException.class);
        assertThat(listener.failures()).singleElement().satisfies(f -> {
            assertThat(f.attempts()).isEqualTo(1);
            assertThat(f.exceptionType()).isEqualTo(HttpStatusException.class.getName());
        });
    }

    @Test
    void aPageThatCannotBeFetchedReachesTheListenerOnce() {
        server.stubFor(get(urlPathEqualTo("/page")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> pipeline.openPage(Position.start(), request("/page"), (response, at) -> {
            throw new AssertionError("no page decoded");
        })).isInstanceOf(HttpStatusException.class);
        assertThat(listener.failures()).singleElement().satisfies(f -> assertThat(f.attempts()).isEqualTo(3));
    }

    @Test
    void aSucceedingCallReportsNoFailureAndEachCallHasItsOwnId() throws Exception {
        sequence(server, "/flaky", aResponse().withStatus(503), WireMock.ok("ok"));
        try (Response r = pipeline.send(request("/flaky"))) {
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ok");
        }
        assertThat(listener.failures()).isEmpty();
        server.stubFor(get(urlPathEqualTo("/no")).willReturn(aResponse().withStatus(400)));
        assertThatThrownBy(() -> pipeline.send(request("/no"))).isInstanceOf(HttpStatusException.class);
        assertThatThrownBy(() -> pipeline.send(request("/no"))).isInstanceOf(HttpStatusException.class);
        assertThat(listener.failures()).hasSize(2);
        assertThat(listener.failures().get(0).exchangeId()).isNotEqualTo(listener.failures().get(1).exchangeId());
    }

    @Test
    void theAttemptsOfOnePageShareAnExchangeIdAndPagesDiffer() {
        sequence(server, "/p1", aResponse().withStatus(503), WireMock.ok("{}"));
        server.stubFor(get(urlPathEqualTo("/p2")).willReturn(WireMock.ok("{}")));
        try (OpenPage first = pipeline.openPage(Position.start(), request("/p1"), EmptyPage::new);
                OpenPage second = pipeline.openPage(Position.start(), request("/p2"), EmptyPage::new)) {
            assertThat(first.hasNext()).isFalse();
            assertThat(second.hasNext()).isFalse();
        }
        java.util.List<RequestSent> sent = listener.sent();
        assertThat(sent).extracting(RequestSent::attempt).containsExactly(1, 2, 1);
        assertThat(sent.get(0).exchangeId()).isNotBlank().isEqualTo(sent.get(1).exchangeId());
        assertThat(listener.retries()).singleElement()
                .satisfies(r -> assertThat(r.exchangeId()).isEqualTo(sent.get(0).exchangeId()));
        assertThat(listener.received()).extracting(r -> r.exchangeId()).containsExactly(sent.get(0).exchangeId(),
                sent.get(1).exchangeId(), sent.get(2).exchangeId());
        assertThat(sent.get(2).exchangeId()).isNotBlank().isNotEqualTo(sent.get(0).exchangeId());
    }
}
