package dev.inlet.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 on blocking sockets against servers that send exactly what each test scripts. */
class SocketTransportTest {

    private final SocketTransport transport = SocketTransport.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @AfterEach
    void close() {
        transport.close();
    }

    private static String text(Response response) throws IOException {
        try (InputStream body = response.body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Response get(ScriptedServer server, String path) throws IOException {
        return transport.send(Request.builder(server.url(path)).build(), TIMEOUT);
    }

    /** Answers every request on the connection with the body, as Content-Length, keep-alive. */
    private static ScriptedServer.Script fixed(String body) {
        return c -> {
            while (c.readHead() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n"
                        + body);
            }
        };
    }

    @Test
    void keepAliveServesSequentialRequestsOnOneConnection() throws IOException {
        try (ScriptedServer server = new ScriptedServer(fixed("hello"))) {
            for (int i = 0; i < 5; i++) {
                Response response = get(server, "/x?i=" + i);
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.headers().first("content-type")).contains("text/plain");
                assertThat(text(response)).isEqualTo("hello");
            }
            assertThat(server.connections).hasValue(1);
            assertThat(server.heads).hasSize(5).allSatisfy(h -> assertThat(h).contains("Host: 127.0.0.1:")
                    .contains("User-Agent: Inlet\r\n"));
            assertThat(server.heads.get(3)).startsWith("GET /x?i=3 HTTP/1.1\r\n");
        }
    }

    @Test
    void chunkedBodiesWithExtensionsAndTrailersAreReadExactlyAndTheConnectionReused() throws IOException {
        try (ScriptedServer server = new ScriptedServer(c -> {
            while (c.readHead() != null) {
                c.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n1\r\n,\r\n"
                        + "6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n");
            }
        })) {
            assertThat(text(get(server, "/a"))).isEqualTo("hello, world");
            assertThat(text(get(server, "/b"))).isEqualTo("hello, world");
            assertThat(server.connections).hasValue(1);
        }
    }

    @Test
    void aBodyClosedBeforeItsEndKeepsTheConnectionOnlyIfTheRestHadArrived() throws Exception {
        String small = "x".repeat(100);
        try (ScriptedServer server = new ScriptedServer(fixed(small))) {
            get(server, "/a").body().close(); // the 100 bytes came with the head: drained from the buffer
            assertThat(text(get(server, "/b"))).isEqualTo(small);
            assertThat(server.connections).hasValue(1);
        }
        transport.close(); // the pool starts empty for the second server
        assertThat(transport.idleConnections()).isZero();
        CountDownLatch rest = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(c -> {
            while (c.readHead() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345");
                try {
                    rest.await(5, TimeUnit.SECONDS); // the rest never comes before the client closes
                } catch (InterruptedException e) {
                    return;
                }
            }
        })) {
            Response response = get(server, "/slow");
            assertThat(response.body().read()).isEqualTo('1');
            response.body().close(); // must not block for the 5 missing bytes
            rest.countDown();
            assertThat(transport.idleConnections()).as("a half-read connection is not pooled").isZero();
        }
    }

    @Test
    void closeEmptiesThePoolAndLaterRequestsOpenNewConnections() throws IOException {
        try (ScriptedServer server = new ScriptedServer(fixed("again"))) {
            assertThat(text(get(server, "/a"))).isEqualTo("again");
            assertThat(transport.idleConnections()).isEqualTo(1);
            transport.close();
            assertThat(transport.idleConnections()).isZero();
            assertThat(text(get(server, "/b"))).isEqualTo("again");
            assertThat(server.connections).hasValue(2);
            assertThat(transport.idleConnections()).isEqualTo(1);
        }
    }

    @Test
    void aBodyWithoutLengthEndsWithTheConnection() throws IOException {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readHead();
            c.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end");
        })) {
            assertThat(text(get(server, "/"))).isEqualTo("until the end");
            assertThat(transport.idleConnections()).isZero();
        }
    }

    @Test
    void aTruncatedBodyFailsNamingTheMissingBytes() throws IOException {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readHead();
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345");
        })) {
            Response response = get(server, "/cut?token=s3cret");
            assertThatThrownBy(() -> text(response)).isInstanceOf(IOException.class)
                    .hasMessageContaining("5 bytes before the end").hasMessageContaining("Content-Length");
        }
    }

    @Test
    void aHostileHeadFailsWithoutBufferingIt() throws IOException {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readHead();
            c.write("HTTP/1.1 200 OK\r\nX-Big: ");
            byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < 1024; i++) { // 64 MiB, if anyone read it
                c.out.write(chunk);
            }
        })) {
            assertThatThrownBy(() -> get(server, "/")).isInstanceOf(IOException.class)
                    .hasMessageContaining("longer than 65536 bytes");
        }
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readHead();
            c.write("HTTP/1.1 200 OK\r\n" + "X-Many: 1\r\n".repeat(600) + "\r\n");
        })) {
            assertThatThrownBy(() -> get(server, "/")).isInstanceOf(IOException.class).hasMessageContaining("500 fields");
        }
    }

    @Test
    void noHeadWithinTheTimeoutIsATimeout() throws IOException {
        CountDownLatch done = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readHead();
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            assertThatThrownBy(() -> transport.send(Request.builder(server.url("/wait")).build(), Duration.ofMillis(200)))
                    .isInstanceOf(HttpTimeoutException.class).hasMessageContaining("within 200 ms");
            done.countDown();
        }
    }

    @Test
    void aStalePooledConnectionIsReplacedForAGetButNeverSilentlyForAPost() throws IOException {
        try (ScriptedServer server = new ScriptedServer(c -> {
            if (c.readHead() != null) { // one answer, then the server closes the connection without saying so
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        })) {
            assertThat(text(get(server, "/1"))).isEqualTo("ok");
            awaitClosedByServer(server);
            assertThat(text(get(server, "/2"))).as("re-sent on a new connection").isEqualTo("ok");
            awaitClosedByServer(server);
            Request post = Request.builder(server.url("/pay")).post("{}".getBytes(StandardCharsets.UTF_8),
                    "application/json").build();
            assertThatThrownBy(() -> transport.send(post, TIMEOUT)).isInstanceOf(IOException.class);
            assertThat(server.heads).noneMatch(h -> h.startsWith("POST"));
        }
    }

    /** Waits (bounded) until the server has closed its side, so the pooled connection is stale. */
    private static void awaitClosedByServer(ScriptedServer server) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int before = server.heads.size();
        while (System.nanoTime() < until && server.heads.size() == before && server.connections.get() < before) {
            Thread.onSpinWait();
        }
        // The script returns right after writing, which closes the socket; a short bounded wait for the
        // close to reach the client is not a sleep-to-pass: the assertions hold whether or not it did.
    }

    @Test
    void aPostSendsItsBodyWithItsLength() throws IOException {
        CompletableFuture<String> received = new CompletableFuture<>();
        try (ScriptedServer server = new ScriptedServer(c -> {
            String head = c.readHead();
            int length = Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
            received.complete(head + new String(c.readBody(length), StandardCharsets.UTF_8));
            c.write("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
        })) {
            Response response = transport.send(Request.builder(server.url("/orders")).post(
                    "{\"n\":1}".getBytes(StandardCharsets.UTF_8), "application/json").build(), TIMEOUT);
            assertThat(response.status()).isEqualTo(201);
            assertThat(received.join()).startsWith("POST /orders HTTP/1.1\r\n").contains("Content-Length: 7\r\n")
                    .endsWith("\r\n\r\n{\"n\":1}");
        }
    }

    @Test
    void aHeaderValueWithALineBreakIsRefusedBeforeAnythingIsSent() throws IOException {
        try (ScriptedServer server = new ScriptedServer(fixed("ok"))) {
            Request smuggling = Request.builder(server.url("/")).header("X-Note", "a\r\nX-Admin: true").build();
            assertThatThrownBy(() -> transport.send(smuggling, TIMEOUT)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("X-Note").hasMessageNotContaining("X-Admin");
            assertThat(server.heads).isEmpty();
        }
    }

    @Test
    void aWaitForTheHeadEndsWhenTheThreadIsInterrupted() throws Exception {
        CountDownLatch requested = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readHead();
            requested.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            Thread waiter = new Thread(() -> {
                try {
                    get(server, "/wait");
                    failure.complete(null);
                } catch (Throwable t) {
                    failure.complete(t);
                }
            });
            waiter.start();
            assertThat(requested.await(5, TimeUnit.SECONDS)).isTrue();
            waiter.interrupt();
            assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            release.countDown();
        }
    }
}
