package dev.inlet.core.http;

import static dev.inlet.core.testing.LoopbackServer.ok;
import static dev.inlet.core.testing.LoopbackServer.repeat;
import static dev.inlet.core.testing.LoopbackServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.inlet.core.error.LimitExceededException;
import dev.inlet.core.ReadLimits;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A body without end (whitespace for ever, which keeps the stall guard quiet) is cut by the body
 * size limit or the body time limit, with a message that names the limit, the amount, the URL
 * without secrets and the setting; it is not retried. Time is an injected clock: nothing sleeps.
 */
class BodyLimitsTest {

    private final LoopbackServer server = LoopbackServer.start().route("/endless", exchange -> {
        OutputStream out = ok(exchange, "application/json", null);
        while (true) {
            repeat(out, (byte) ' ', 64 * 1024);
        }
    }).route("/small", exchange -> {
        OutputStream out = ok(exchange, "application/json", null);
        for (int i = 0; i < 64; i++) {
            write(out, " ".repeat(1023) + "\n");
            out.flush();
        }
    });

    @AfterEach
    void stop() {
        server.close();
    }

    private static String drain(Response response) throws IOException {
        try (InputStream in = response.body()) {
            return Long.toString(in.transferTo(OutputStream.nullOutputStream()));
        }
    }

    @Test
    void anEndlessBodyStopsAtMaxBodyBytesWithAMessageThatSaysWhichLimitAndWhere() {
        HttpPipeline pipeline = HttpPipeline.builder().limits(ReadLimits.builder().maxBodyBytes(1 << 20).build())
                .build();

        LimitExceededException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> org.junit.jupiter.api
                .Assertions.assertThrows(LimitExceededException.class, () -> pipeline.execute(
                        Request.builder(server.baseUrl() + "/endless?api_key=sk_live_hush").build(),
                        BodyLimitsTest::drain)));

        assertThat(e.setting()).isEqualTo("maxBodyBytes");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains("maxBodyBytes (1 MiB (1048576 bytes))").contains("/endless?api_key=***")
                .doesNotContain("sk_live_hush").contains("ReadLimits.builder().maxBodyBytes(");
        assertThat(e.byteOffset()).hasValue((1L << 20) + 1);
        assertThat(server.requests("/endless")).as("a limit is not retried").isEqualTo(1);
    }

    @Test
    void anEndlessBodyStopsAtMaxBodyTimeOnTheInjectedClock() {
        HttpPipeline pipeline = HttpPipeline.builder().clock(new TickingClock(Duration.ofSeconds(1)))
                .limits(ReadLimits.builder().maxBodyTime(Duration.ofSeconds(30)).build()).build();

        LimitExceededException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> org.junit.jupiter.api
                .Assertions.assertThrows(LimitExceededException.class, () -> pipeline.execute(
                        Request.builder(server.baseUrl() + "/endless").build(), BodyLimitsTest::drain)));

        assertThat(e.setting()).isEqualTo("maxBodyTime");
        assertThat(e.getMessage()).contains("took longer than maxBodyTime (PT30S)").contains("31.0 s spent waiting")
                .contains("GET " + server.baseUrl() + "/endless");
        assertThat(server.requests("/endless")).isEqualTo(1);
    }

    @Test
    void timeTheCallerSpendsBetweenReadsDoesNotCount() throws Exception {
        FakeClock clock = new FakeClock();
        HttpPipeline pipeline = HttpPipeline.builder().clock(clock).sleeper(clock)
                .limits(ReadLimits.builder().maxBodyTime(Duration.ofSeconds(1)).build()).build();

        long read = pipeline.execute(Request.builder(server.baseUrl() + "/small").build(), response -> {
            long total = 0;
            byte[] buffer = new byte[512];
            try (InputStream in = response.body()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    total += n;
                    clock.advance(Duration.ofMinutes(5));
                }
            }
            return total;
        });

        assertThat(read).isEqualTo(64 * 1024);
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        HttpPipeline pipeline = HttpPipeline.builder().limits(ReadLimits.builder().maxBodyBytes(64 * 1024).build())
                .build();

        assertThat(pipeline.execute(Request.builder(server.baseUrl() + "/small").build(), BodyLimitsTest::drain))
                .isEqualTo(Long.toString(64 * 1024));
    }

    @Test
    void limitsHaveDocumentedDefaultsAndRejectNonsense() {
        ReadLimits d = ReadLimits.defaults();
        assertThat(d.maxBodyBytes()).isEqualTo(1L << 30);
        assertThat(d.maxBodyTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.maxRecordBytes()).isEqualTo(8L << 20);
        assertThat(d.maxStringLength()).isEqualTo(5_000_000);
        assertThat(d.maxNestingDepth()).isEqualTo(500);
        assertThat(d.maxNumberLength()).isEqualTo(1_000);
        assertThat(d.maxCompressionRatio()).isEqualTo(100);
        assertThat(HttpPipeline.defaults().limits()).isEqualTo(d);
        assertThat(d.toBuilder().maxRecordBytes(5).build()).isNotEqualTo(d);
        assertThatThrownBy(() -> ReadLimits.builder().maxBodyBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadLimits.builder().maxBodyTime(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ReadLimits.describeBytes(1536)).isEqualTo("1.5 KiB (1536 bytes)");
    }

    /** A clock that moves forward by a step every time it is read: reading a body "takes" time. */
    private static final class TickingClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
        private final long step;

        TickingClock(Duration step) {
            this.step = step.toMillis();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndAdd(step));
        }

        @Override
        public long millis() {
            return millis.getAndAdd(step);
        }
    }
}
