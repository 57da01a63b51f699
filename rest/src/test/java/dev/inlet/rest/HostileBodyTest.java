package dev.inlet.rest;

import static dev.inlet.core.testing.LoopbackServer.ok;
import static dev.inlet.core.testing.LoopbackServer.repeat;
import static dev.inlet.core.testing.LoopbackServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.inlet.core.Connector;
import dev.inlet.core.error.DecodingException;
import dev.inlet.core.error.LimitExceededException;
import dev.inlet.core.ReadLimits;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.LoopbackServer;
import dev.inlet.rest.decode.BodyFormat;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Hostile bodies, each generated as it is sent: a huge string in a record, in the envelope, in a CSV
 * field; a huge record, NDJSON line or XML body; deep nesting; invalid UTF-8. Each is a non-retryable
 * {@link DecodingException} (a {@link LimitExceededException} for a limit) that says where — URL
 * without secrets, page, JSON Pointer or line — after one request, never an {@code OutOfMemoryError}
 * and never a retry that would get the same bytes. The forked 64 MiB-heap twin is
 * {@code HostileBodyMemoryTest}.
 */
class HostileBodyTest {

    private static final long TWELVE_MILLION = 12_000_000;
    private static final ReadLimits ONE_MIB_RECORDS = ReadLimits.builder().maxRecordBytes(1 << 20).build();

    private final LoopbackServer server = LoopbackServer.start()
            .route("/string-in-record", exchange -> {
                OutputStream out = ok(exchange, "application/json", null);
                write(out, "{\"data\":[{\"id\":1},{\"id\":2,\"note\":\"");
                repeat(out, (byte) 'x', TWELVE_MILLION);
                write(out, "\"}],\"has_more\":false}");
            })
            .route("/string-in-envelope", exchange -> {
                OutputStream out = ok(exchange, "application/json", null);
                write(out, "{\"debug\":\"");
                repeat(out, (byte) 'x', TWELVE_MILLION);
                write(out, "\",\"data\":[{\"id\":1}]}");
            })
            .route("/many-envelope-fields", exchange -> {
                // 64 fields of 512 KiB each: every one under the record limit, 32 MiB together.
                OutputStream out = ok(exchange, "application/json", null);
                write(out, "{\"data\":[{\"id\":1}]");
                for (int i = 0; i < 64; i++) {
                    write(out, ",\"debug" + i + "\":\"");
                    repeat(out, (byte) 'x', 512 * 1024);
                    write(out, "\"");
                }
                write(out, "}");
            })
            .route("/csv-field", exchange -> {
                OutputStream out = ok(exchange, "text/csv", null);
                write(out, "id,note\n1,short\n2,");
                repeat(out, (byte) 'x', TWELVE_MILLION);
                write(out, "\n");
            })
            .route("/dense-record", exchange -> {
                OutputStream out = ok(exchange, "application/json", null);
                write(out, "{\"data\":[{\"id\":1},{\"id\":2,\"pad\":[");
                for (int i = 0; i < 1_000_000; i++) {
                    write(out, "1,");
                }
                write(out, "1]}]}");
            })
            .route("/ndjson-line", exchange -> {
                OutputStream out = ok(exchange, "application/x-ndjson", null);
                write(out, "{\"id\":1}\n{\"id\":2,\"pad\":[");
                for (int i = 0; i < 1_000_000; i++) {
                    write(out, "1,");
                }
                write(out, "1]}\n");
            })
            .route("/xml", exchange -> {
                OutputStream out = ok(exchange, "application/xml", null);
                write(out, "<orders><order><id>1</id><note>");
                repeat(out, (byte) 'x', 2 << 20);
                write(out, "</note></order></orders>");
            })
            .route("/deep", exchange -> {
                OutputStream out = ok(exchange, "application/json", null);
                write(out, "{\"data\":[{\"id\":1},{\"id\":2,\"deep\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}]}");
            })
            .route("/latin1", exchange -> {
                OutputStream out = ok(exchange, "application/json", null);
                out.write("{\"data\":[{\"id\":1},{\"name\":\"M\u00fcller\"}]}".getBytes(StandardCharsets.ISO_8859_1));
            })
            .route("/blank", exchange -> {
                OutputStream out = ok(exchange, "application/json", null);
                repeat(out, (byte) ' ', 3_000);
            })
            .route("/gzip", exchange -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                    gzip.write("{\"data\":[{\"id\":1},{\"id\":2}],\"has_more\":false}".getBytes(StandardCharsets.UTF_8));
                }
                ok(exchange, "application/json", "gzip").write(bytes.toByteArray());
            });

    @AfterEach
    void stop() {
        server.close();
    }

    private Connector<JsonNode> connector(String path, String records, ReadLimits limits) {
        FakeClock clock = new FakeClock();
        RestConnector.Builder b = RestConnector.builder("hostile").baseUrl(server.baseUrl()).path(path)
                .query("token", "sk_live_hush").records(records)
                .pipeline(HttpPipeline.builder().clock(clock).sleeper(clock).build());
        if (limits != null) {
            b.limits(limits);
        }
        return b.build();
    }

    /** Reads the connector to its failure; the records delivered before it go into {@code ids}. */
    private static <E extends DecodingException> E failure(Connector<JsonNode> connector, Class<E> type,
            List<Integer> ids) {
        return assertThrows(type, () -> {
            try (Stream<JsonNode> records = connector.records()) {
                records.forEach(r -> ids.add(r.path("id").asInt()));
            }
        });
    }

    private void assertOneRequestAndNoSecret(String path, DecodingException e) {
        assertThat(e.isRetryable()).as("the same request gets the same bytes").isFalse();
        assertThat(server.requests(path)).as("not retried").isEqualTo(1);
        assertThat(e.getMessage()).contains("token=***").doesNotContain("sk_live_hush")
                .contains("[connector 'hostile', page 1");
    }

    @Test
    void aHugeStringInARecordFailsAtTheStringLimitWithItsPointer() {
        List<Integer> ids = new ArrayList<>();
        LimitExceededException e = failure(connector("/string-in-record", "/data", null),
                LimitExceededException.class, ids);

        assertThat(e.setting()).isEqualTo("maxStringLength");
        assertThat(e.getMessage()).contains("at /data/1/note").contains("ReadLimits.maxStringLength)")
                .contains("(5000000");
        assertThat(ids).as("the record before it was delivered").containsExactly(1);
        assertOneRequestAndNoSecret("/string-in-record", e);
    }

    @Test
    void aHugeStringInTheEnvelopeFailsAtTheStringLimitWithItsPointer() {
        LimitExceededException e = failure(connector("/string-in-envelope", "/data", null),
                LimitExceededException.class, new ArrayList<>());

        assertThat(e.setting()).isEqualTo("maxStringLength");
        assertThat(e.getMessage()).contains("at /debug");
        assertOneRequestAndNoSecret("/string-in-envelope", e);
    }

    @Test
    void manyEnvelopeFieldsEachUnderTheLimitFailTogetherAtTheRecordLimit() {
        List<Integer> ids = new ArrayList<>();
        LimitExceededException e = failure(connector("/many-envelope-fields", "/data", ONE_MIB_RECORDS),
                LimitExceededException.class, ids);

        assertThat(e.setting()).isEqualTo("maxRecordBytes");
        assertThat(e.getMessage()).contains("fields beside the records").contains("1 MiB");
        assertThat(ids).as("the records came before the envelope").containsExactly(1);
        assertOneRequestAndNoSecret("/many-envelope-fields", e);
    }

    @Test
    void aHugeCsvFieldFailsAtTheStringLimit() {
        List<Integer> ids = new ArrayList<>();
        LimitExceededException e = failure(connector("/csv-field", "", null), LimitExceededException.class, ids);

        assertThat(e.setting()).isEqualTo("maxStringLength");
        assertThat(e.getMessage()).contains("CSV body");
        assertThat(ids).containsExactly(1);
        assertOneRequestAndNoSecret("/csv-field", e);
    }

    @Test
    void aHugeRecordFailsAtTheRecordLimitBeforeItIsBuilt() {
        List<Integer> ids = new ArrayList<>();
        LimitExceededException e = failure(connector("/dense-record", "/data", ONE_MIB_RECORDS),
                LimitExceededException.class, ids);

        assertThat(e.setting()).isEqualTo("maxRecordBytes");
        assertThat(e.getMessage()).contains("at /data/1/pad").contains("maxRecordBytes (1 MiB (1048576 bytes))");
        assertThat(e.byteOffset().orElseThrow()).isLessThan((1 << 20) + 2 * 64 * 1024);
        assertThat(ids).containsExactly(1);
        assertOneRequestAndNoSecret("/dense-record", e);
    }

    @Test
    void aHugeNdjsonLineFailsAtTheRecordLimitWithItsLine() {
        List<Integer> ids = new ArrayList<>();
        LimitExceededException e = failure(connector("/ndjson-line", "", ONE_MIB_RECORDS),
                LimitExceededException.class, ids);

        assertThat(e.setting()).isEqualTo("maxRecordBytes");
        assertThat(e.getMessage()).contains("NDJSON body").contains("at line 2");
        assertThat(ids).containsExactly(1);
        assertOneRequestAndNoSecret("/ndjson-line", e);
    }

    @Test
    void anXmlBodyIsReadWholeOnlyUpToTheRecordLimit() {
        LimitExceededException e = failure(connector("/xml", "/order", ONE_MIB_RECORDS),
                LimitExceededException.class, new ArrayList<>());

        assertThat(e.setting()).isEqualTo("maxRecordBytes");
        assertThat(e.getMessage()).contains("XML bodies are read whole");
        assertOneRequestAndNoSecret("/xml", e);
    }

    @Test
    void nestingBeyondTheLimitIsNotRetried() {
        LimitExceededException e = failure(connector("/deep", "/data", null), LimitExceededException.class,
                new ArrayList<>());

        assertThat(e.setting()).isEqualTo("maxNestingDepth");
        assertThat(e.getMessage()).contains("(500").contains("/data/1/deep");
        assertOneRequestAndNoSecret("/deep", e);
    }

    @Test
    void invalidUtf8IsNotRetried() {
        DecodingException e = failure(connector("/latin1", "/data", null), DecodingException.class, new ArrayList<>());

        assertThat(e.getMessage()).contains("not valid UTF-8").contains("/data/1/name");
        assertOneRequestAndNoSecret("/latin1", e);
    }

    @Test
    void aBlankBodySaysHowMuchWhitespaceCameNotByteZero() {
        DecodingException e = failure(connector("/blank", "/data", null), DecodingException.class, new ArrayList<>());

        assertThat(e.getMessage()).contains("Blank JSON body (3000 bytes of whitespace)").contains("at byte 3000");
    }

    @Test
    void aGzipPageIsDecoded() {
        try (Stream<JsonNode> records = connector("/gzip", "/data", null).records()) {
            assertThat(records.map(r -> r.get("id").asInt()).toList()).containsExactly(1, 2);
        }
    }

    @Test
    void aForcedFormatStillHasTheLimits() {
        FakeClock clock = new FakeClock();
        Connector<JsonNode> forced = RestConnector.builder("hostile").baseUrl(server.baseUrl()).path("/ndjson-line")
                .format(BodyFormat.NDJSON).limits(ONE_MIB_RECORDS)
                .pipeline(HttpPipeline.builder().clock(clock).sleeper(clock).build()).build();

        assertThat(failure(forced, LimitExceededException.class, new ArrayList<>()).setting())
                .isEqualTo("maxRecordBytes");
    }
}
