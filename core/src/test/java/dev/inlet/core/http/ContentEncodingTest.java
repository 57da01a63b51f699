package dev.inlet.core.http;

import static dev.inlet.core.testing.LoopbackServer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.inlet.core.error.DecodingException;
import dev.inlet.core.error.LimitExceededException;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.LoopbackServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Inlet asks for gzip and deflate and decodes them; a body in another encoding, a corrupt one and a
 * zip bomb are non-retryable decoding failures that name the encoding (before, a gzip body was
 * "Illegal character (CTRL-CHAR, code 31)" and retried).
 */
class ContentEncodingTest {

    private static final String JSON = "{\"data\":[" + "{\"id\":1,\"note\":\"compressible text\"},".repeat(500)
            + "{\"id\":2}]}";

    private final List<String> acceptEncodings = new CopyOnWriteArrayList<>();
    private final LoopbackServer server = LoopbackServer.start()
            .route("/gzip", exchange -> serve(exchange, "gzip", gzip(JSON.getBytes(StandardCharsets.UTF_8))))
            .route("/deflate", exchange -> serve(exchange, "deflate", deflate(JSON.getBytes(StandardCharsets.UTF_8), false)))
            .route("/raw-deflate", exchange -> serve(exchange, "deflate", deflate(JSON.getBytes(StandardCharsets.UTF_8), true)))
            .route("/identity", exchange -> serve(exchange, "identity", JSON.getBytes(StandardCharsets.UTF_8)))
            .route("/brotli", exchange -> serve(exchange, "br", new byte[] {0x1b, 0x03, 0x00}))
            .route("/corrupt", exchange -> serve(exchange, "gzip", new byte[] {0x1f, (byte) 0x8b, 9, 9, 9, 9, 9, 9, 9, 9, 9}))
            .route("/cut-gzip", exchange -> {
                byte[] whole = gzip(JSON.getBytes(StandardCharsets.UTF_8));
                serve(exchange, "gzip", java.util.Arrays.copyOf(whole, whole.length / 2));
            })
            .route("/empty-gzip", exchange -> serve(exchange, "gzip", new byte[0]))
            .route("/bomb", exchange -> serve(exchange, "gzip", gzip(new byte[8 << 20])));

    @AfterEach
    void stop() {
        server.close();
    }

    private void serve(com.sun.net.httpserver.HttpExchange exchange, String encoding, byte[] body) throws IOException {
        acceptEncodings.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Encoding")));
        OutputStream out = ok(exchange, "application/json", encoding);
        out.write(body);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(byte[] plain, boolean raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private static HttpPipeline pipeline() {
        FakeClock clock = new FakeClock();
        return HttpPipeline.builder().clock(clock).sleeper(clock).build();
    }

    private String get(String path) {
        return pipeline().execute(Request.builder(server.baseUrl() + path + "?token=sk_hush").build(), Response::bodyText);
    }

    @Test
    void gzipAndDeflateBodiesAreDecodedAndAskedFor() {
        assertThat(get("/gzip")).isEqualTo(JSON);
        assertThat(get("/deflate")).isEqualTo(JSON);
        assertThat(get("/raw-deflate")).isEqualTo(JSON);
        assertThat(get("/identity")).isEqualTo(JSON);
        assertThat(acceptEncodings).containsOnly("gzip, deflate");
    }

    @Test
    void aGzipBodyCutShortIsATruncationAndRetried() {
        dev.inlet.core.error.TransportException e = assertThrows(dev.inlet.core.error.TransportException.class,
                () -> get("/cut-gzip"));

        assertThat(e.getMessage()).contains("gzip-encoded body ended early");
        assertThat(server.requests("/cut-gzip")).as("retried like any truncation").isEqualTo(5);
    }

    @Test
    void anEmptyBodyLabelledGzipIsEmpty() {
        assertThat(get("/empty-gzip")).isEmpty();
        assertThat(server.requests("/empty-gzip")).isEqualTo(1);
    }

    @Test
    void aDecodedResponseNoLongerClaimsItsWireEncoding() {
        java.util.Optional<String> encoding = pipeline().execute(Request.builder(server.baseUrl() + "/gzip").build(),
                response -> {
                    response.close();
                    return response.headers().first("Content-Encoding");
                });
        assertThat(encoding).isEmpty();
    }

    @Test
    void aRequestThatSetsItsOwnAcceptEncodingKeepsIt() {
        pipeline().execute(Request.builder(server.baseUrl() + "/identity").header("Accept-Encoding", "identity").build(),
                Response::bodyText);
        assertThat(acceptEncodings).containsExactly("identity");
    }

    @Test
    void anUnknownEncodingIsANonRetryableDecodingExceptionThatNamesIt() {
        DecodingException e = assertThrows(DecodingException.class, () -> get("/brotli"));

        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains("Content-Encoding 'br'").contains("gzip and deflate")
                .doesNotContain("sk_hush");
        assertThat(server.requests("/brotli")).isEqualTo(1);
    }

    @Test
    void aCorruptGzipBodyIsNotRetriedAndNamesTheEncoding() {
        DecodingException e = assertThrows(DecodingException.class, () -> get("/corrupt"));

        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains("gzip-encoded body is corrupt");
        assertThat(server.requests("/corrupt")).isEqualTo(1);
    }

    @Test
    void aZipBombStopsAtTheCompressionRatio() {
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> get("/bomb"));

        assertThat(e.setting()).isEqualTo("maxCompressionRatio");
        assertThat(e.getMessage()).contains("gzip-encoded body from GET " + server.baseUrl() + "/bomb?token=***")
                .contains("maxCompressionRatio (100 to 1)");
        assertThat(e.byteOffset().orElseThrow()).isLessThan(2L << 20);
        assertThat(server.requests("/bomb")).isEqualTo(1);
    }
}
