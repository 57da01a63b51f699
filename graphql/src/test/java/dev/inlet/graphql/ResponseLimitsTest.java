package dev.inlet.graphql;

import static dev.inlet.core.testing.LoopbackServer.ok;
import static dev.inlet.core.testing.LoopbackServer.repeat;
import static dev.inlet.core.testing.LoopbackServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.inlet.core.error.LimitExceededException;
import dev.inlet.core.ReadLimits;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.LoopbackServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GraphQL responses are JSON read whole: the same read limits apply (string, nesting, number and
 * the whole-body cap), each a non-retryable {@link LimitExceededException}; a gzip response is decoded.
 */
class ResponseLimitsTest {

    private final LoopbackServer server = LoopbackServer.start()
            .route("/huge-string", exchange -> {
                OutputStream out = ok(exchange, "application/json", null);
                write(out, "{\"data\":{\"note\":\"");
                repeat(out, (byte) 'x', 6_000_000);
                write(out, "\"}}");
            })
            .route("/deep", exchange -> write(ok(exchange, "application/json", null),
                    "{\"data\":{\"note\":" + "[".repeat(600) + "]".repeat(600) + "}}"))
            .route("/gzip", exchange -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                    gzip.write("{\"data\":{\"note\":\"compressed\"}}".getBytes(StandardCharsets.UTF_8));
                }
                ok(exchange, "application/json", "gzip").write(bytes.toByteArray());
            });

    @AfterEach
    void stop() {
        server.close();
    }

    private GraphQlClient client(String path, ReadLimits limits) {
        FakeClock clock = new FakeClock();
        GraphQlClient.Builder b = GraphQlClient.builder(server.baseUrl() + path + "?key=sk_hush")
                .pipeline(HttpPipeline.builder().clock(clock).sleeper(clock).build());
        if (limits != null) {
            b.limits(limits);
        }
        return b.build();
    }

    @Test
    void aHugeStringIsANonRetryableLimitFailure() {
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> client("/huge-string", null).execute("query { note }"));

        assertThat(e.setting()).isEqualTo("maxStringLength");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains("GraphQL response").contains("key=***").doesNotContain("sk_hush");
        assertThat(server.requests("/huge-string")).isEqualTo(1);
    }

    @Test
    void aResponseLargerThanTheRecordLimitIsNotReadWhole() {
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> client("/huge-string", ReadLimits.builder().maxRecordBytes(1 << 20).build())
                        .execute("query { note }"));

        assertThat(e.setting()).isEqualTo("maxRecordBytes");
        assertThat(e.getMessage()).contains("GraphQL responses are read whole");
        assertThat(server.requests("/huge-string")).isEqualTo(1);
    }

    @Test
    void nestingBeyondTheLimitIsNotRetried() {
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> client("/deep", null).execute("query { note }"));

        assertThat(e.setting()).isEqualTo("maxNestingDepth");
        assertThat(server.requests("/deep")).isEqualTo(1);
    }

    @Test
    void aGzipResponseIsDecoded() {
        assertThat(client("/gzip", null).execute("query { note }").data().orElseThrow().get("note").asText())
                .isEqualTo("compressed");
    }
}
