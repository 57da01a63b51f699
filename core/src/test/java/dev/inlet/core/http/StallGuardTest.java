package dev.inlet.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.inlet.core.http.Stubs.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.testing.FakeClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A body that stalls after the response head fails as a retryable timeout instead of hanging. */
class StallGuardTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String BODY = "[" + "1,".repeat(200) + "1]";

    private static String text(Response response) throws IOException {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    private HttpPipeline pipeline(Duration readTimeout) {
        FakeClock clock = new FakeClock();
        return HttpPipeline.builder().readTimeout(readTimeout).clock(clock).sleeper(clock).build();
    }

    @Test
    void aBodyThatStallsIsCutAndTheRequestRetried() {
        // 4 chunks over 4 s: the first arrives with the head, then 1.3 s of silence.
        sequence(server, "/stall", aResponse().withBody(BODY).withChunkedDribbleDelay(4, 4_000),
                aResponse().withBody(BODY));
        long start = System.nanoTime();

        assertThat(pipeline(Duration.ofMillis(300)).execute(Request.builder(server.baseUrl() + "/stall").build(),
                StallGuardTest::text)).isEqualTo(BODY);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
        server.verify(2, anyRequestedFor(urlPathEqualTo("/stall")));
    }

    @Test
    void aStallBeyondTheRetriesIsATimeoutTransportException() {
        server.stubFor(get(urlPathEqualTo("/dead")).willReturn(aResponse().withBody(BODY)
                .withChunkedDribbleDelay(3, 3_000)));
        HttpPipeline once = pipeline(Duration.ofMillis(200)).toBuilder().retryPolicy(RetryPolicy.none()).build();

        TransportException e = org.junit.jupiter.api.Assertions.assertThrows(TransportException.class,
                () -> once.execute(Request.builder(server.baseUrl() + "/dead?token=abc").build(), StallGuardTest::text));

        assertThat(e.isTimeout()).isTrue();
        assertThat(e.getMessage()).contains("read timeout").contains("200 ms").doesNotContain("abc");
    }

    @Test
    void aSlowButSteadyBodyIsNotCut() {
        // 5 chunks over 600 ms: never more than ~150 ms between bytes.
        server.stubFor(get(urlPathEqualTo("/steady")).willReturn(aResponse().withBody(BODY)
                .withChunkedDribbleDelay(5, 600)));
        HttpPipeline once = pipeline(Duration.ofMillis(1_000)).toBuilder().retryPolicy(RetryPolicy.none()).build();
        assertThat(once.execute(Request.builder(server.baseUrl() + "/steady").build(), StallGuardTest::text))
                .isEqualTo(BODY);
    }

    @Test
    void aReadThatSeesEndOfStreamAfterTheWatchdogClosedItStillFails() {
        BlockingStream blocking = new BlockingStream();
        InputStream guarded = StallGuard.wrap(blocking, Duration.ofMillis(100),
                Request.builder("http://localhost/x").build());
        long start = System.nanoTime();
        assertThatThrownBy(guarded::read).isInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("100 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(blocking.closed).isTrue();
        assertThatThrownBy(guarded::read).as("and stays failed").isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void bytesThatKeepComingAreReadAndClosingStopsTheWatchdog() throws IOException {
        BlockingStream blocking = new BlockingStream();
        InputStream guarded = StallGuard.wrap(blocking, Duration.ofSeconds(5), Request.builder("http://localhost/x").build());
        blocking.bytes.add(7);
        blocking.bytes.add(8);
        assertThat(guarded.read()).isEqualTo(7);
        assertThat(guarded.read()).isEqualTo(8);
        guarded.close();
        assertThat(blocking.closed).isTrue();
    }

    /** Blocks on read until bytes are offered; close() makes a blocked read return end-of-stream. */
    private static final class BlockingStream extends InputStream {
        final BlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();
        volatile boolean closed;

        @Override
        public int read() throws IOException {
            try {
                return bytes.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        @Override
        public void close() {
            closed = true;
            bytes.add(-1);
        }
    }
}
