package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.Fixtures;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.WebhookSigner;
import dev.inlet.webhooks.verify.WebhookVerifier;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slowloris on the embedded server: clients that trickle their headers or their bodies, and
 * reconnect when cut, must not delay legitimate deliveries, and are cut at their deadlines.
 */
class SlowClientsTest {

    private static final String PATH = "/hooks/slow";
    private final String secret = Fixtures.whsec(32);
    private final AtomicInteger handled = new AtomicInteger();

    private WebhookServer server(WebhookServer.Builder tuning) {
        return tuning.host("127.0.0.1").port(0).stopGrace(Duration.ZERO).build();
    }

    private WebhookReceiver receiver() {
        WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(secret).build();
        return WebhookReceiver.builder()
                .endpoint(WebhookEndpoint.builder(PATH, verifier).handler(e -> handled.incrementAndGet()).build())
                .build();
    }

    @Test
    @Timeout(60)
    void fiftyTricklingClientsDoNotDelayLegitimateDeliveries() throws Exception {
        WebhookServer server = server(WebhookServer.builder(receiver())
                .headerTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(5)));
        server.start();
        int port = server.port();
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
        List<Trickler> tricklers = new ArrayList<>();
        List<Long> latencies = new CopyOnWriteArrayList<>();
        List<String> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 25; i++) {
                tricklers.add(new Trickler(port, "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nX-Slow: ", false));
                tricklers.add(new Trickler(port, "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: 4000\r\n"
                        + "webhook-id: slow\r\n\r\n{", true));
            }
            for (Trickler t : tricklers) {
                pacer.scheduleWithFixedDelay(t::tick, 100, 100, TimeUnit.MILLISECONDS);
            }
            WebhookSigner signer = WebhookSigner.builder(SignatureScheme.standardWebhooks()).secret(secret).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int sent = 0;
            // Deliver until every trickling client was cut at least twice (so they also reconnected),
            // and at least 40 deliveries were made; bounded.
            while ((sent < 40 || tricklers.stream().anyMatch(t -> t.cuts.size() < 2)) && System.nanoTime() < deadline) {
                String id = "msg_" + sent++;
                WebhookRequest signed = signer.sign(WebhookRequest.post("http://127.0.0.1:" + port + PATH,
                        dev.inlet.core.Headers.of("webhook-id", id), ("{\"n\":" + sent + "}").getBytes()));
                long start = System.nanoTime();
                statuses.add(deliver(port, signed));
                latencies.add((System.nanoTime() - start) / 1_000_000);
            }
        } finally {
            pacer.shutdownNow();
            pacer.awaitTermination(5, TimeUnit.SECONDS);
            tricklers.forEach(Trickler::close);
            server.close();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        List<Long> headerCuts = tricklers.stream().filter(t -> !t.body).flatMap(t -> t.cuts.stream()).toList();
        List<Long> bodyCuts = tricklers.stream().filter(t -> t.body).flatMap(t -> t.cuts.stream()).toList();
        System.out.printf("slow clients: %d deliveries under 50 trickling connections, latency p50 %d ms, p99 %d ms,"
                + " max %d ms; header tricklers cut after max %d ms, body tricklers after max %d ms, %d reconnects%n",
                sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 99 / 100),
                sorted.get(sorted.size() - 1), headerCuts.stream().mapToLong(x -> x).max().orElse(-1),
                bodyCuts.stream().mapToLong(x -> x).max().orElse(-1),
                headerCuts.size() + bodyCuts.size());

        assertThat(statuses).hasSizeGreaterThanOrEqualTo(40);
        assertThat(statuses).allMatch(s -> s.startsWith("HTTP/1.1 200"));
        assertThat(sorted.get(sorted.size() - 1)).as("slowest legitimate delivery, ms").isLessThan(1000);
        assertThat(handled.get()).isEqualTo(statuses.size());
        assertThat(tricklers).allSatisfy(t -> assertThat(t.cuts).hasSizeGreaterThanOrEqualTo(2));
        // Heads are cut at the 1 s head deadline; bodies by the minimum rate, well before the 5 s read timeout.
        assertThat(headerCuts).allMatch(ms -> ms < 3000);
        assertThat(bodyCuts).allMatch(ms -> ms < 4000);
    }

    @Test
    @Timeout(30)
    void connectionsBeyondThePerAddressLimitAreRefusedAndTheSlotIsFreedOnClose() throws Exception {
        WebhookServer server = server(WebhookServer.builder(receiver()).maxConnectionsPerAddress(3));
        server.start();
        int port = server.port();
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                idle.add(new Socket("127.0.0.1", port));
            }
            String refused;
            try (Socket fourth = new Socket("127.0.0.1", port)) {
                // Read only: the refusal is written at accept and the socket closed (a client that is
                // still sending may see a reset instead).
                fourth.setSoTimeout(5000);
                refused = new String(fourth.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            idle.remove(0).close();
            WebhookRequest signed = WebhookSigner.builder(SignatureScheme.standardWebhooks()).secret(secret).build()
                    .sign(WebhookRequest.post("http://x" + PATH, dev.inlet.core.Headers.of("webhook-id", "m1"),
                            "{}".getBytes()));
            // The freed slot is seen once the server noticed the close: bounded retry, not a sleep.
            String accepted = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!accepted.startsWith("HTTP/1.1 200") && System.nanoTime() < deadline) {
                try {
                    accepted = deliver(port, signed);
                } catch (IOException refusedWhileSending) {
                    accepted = "reset";
                }
            }

            assertThat(refused).startsWith("HTTP/1.1 503").contains("Retry-After");
            assertThat(accepted).startsWith("HTTP/1.1 200");
        } finally {
            for (Socket s : idle) {
                s.close();
            }
            server.close();
        }
    }

    @Test
    @Timeout(30)
    void anOversizedDeclaredBodyIsRefusedAtOnceWithoutWaitingForIt() throws Exception {
        WebhookServer server = server(WebhookServer.builder(receiver()));
        server.start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(2000);
            long start = System.nanoTime();
            socket.getOutputStream().write(("POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            // The sender then stalls: the answer must not wait for the body (nor hold a thread).
            byte[] head = new byte[12];
            int n = socket.getInputStream().readNBytes(head, 0, head.length);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(new String(head, 0, n, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 413");
            assertThat(millis).isLessThan(1000);
        } finally {
            server.close();
        }
    }

    /** One delivery on its own connection, answered within a second or failed. */
    static String deliver(int port, WebhookRequest signed) throws IOException {
        StringBuilder raw = new StringBuilder("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        signed.headers().forEach((n, v) -> raw.append(n).append(": ").append(v).append("\r\n"));
        raw.append("Content-Length: ").append(signed.bodyLength()).append("\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(signed.body());
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException slow) {
            return "TIMEOUT";
        }
    }

    /** A client that sends one byte per tick and reconnects when the server cuts it. */
    private static final class Trickler {
        final int port;
        final String prefix;
        final boolean body;
        final List<Long> cuts = new CopyOnWriteArrayList<>();
        Socket socket;
        long connectedAt;

        Trickler(int port, String prefix, boolean body) throws IOException {
            this.port = port;
            this.prefix = prefix;
            this.body = body;
            connect();
        }

        private void connect() throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(1);
            connectedAt = System.nanoTime();
            socket.getOutputStream().write(prefix.getBytes(StandardCharsets.ISO_8859_1));
        }

        synchronized void tick() {
            try {
                if (serverClosed()) {
                    cuts.add((System.nanoTime() - connectedAt) / 1_000_000);
                    socket.close();
                    connect();
                    return;
                }
                socket.getOutputStream().write('a');
            } catch (IOException e) {
                cuts.add((System.nanoTime() - connectedAt) / 1_000_000);
                try {
                    socket.close();
                    connect();
                } catch (IOException reconnectFailed) {
                    // Tried again on the next tick.
                }
            }
        }

        private boolean serverClosed() throws IOException {
            InputStream in = socket.getInputStream();
            try {
                return in.read() < 0;
            } catch (SocketTimeoutException nothingYet) {
                return false;
            }
        }

        synchronized void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Done.
            }
        }
    }
}
