package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.Fixtures;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.WebhookSigner;
import dev.inlet.webhooks.verify.WebhookVerifier;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The embedded server on loopback: limits, timeouts, and 5,000 deliveries from 16 retrying senders. */
class ServerLoadTest {

    static final String PATH = "/hooks/load";
    final String secret = Fixtures.whsec(32);

    WebhookReceiver.Builder receiver(WebhookHandler handler) {
        WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(secret)
                .maxBodyBytes(4096).build();
        return WebhookReceiver.builder().endpoint(WebhookEndpoint.builder(PATH, verifier).handler(handler).build());
    }

    static WebhookServer server(WebhookReceiver receiver) {
        return WebhookServer.builder(receiver).host("127.0.0.1").port(0).readTimeout(Duration.ofMillis(500))
                .stopGrace(Duration.ZERO).build();
    }

    static String exchange(int port, String raw) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    @Timeout(30)
    void limitsAndTimeoutsOnTheWire() throws Exception {
        WebhookServer server = server(receiver(e -> { }).build());
        server.start();
        try {
            int port = server.port();
            String tooLong = exchange(port, "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n"
                    + "Connection: close\r\n\r\n" + "z".repeat(5000));
            String chunkedTooLong = exchange(port, "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n" + "1000\r\n" + "y".repeat(4096) + "\r\n10\r\n" + "y".repeat(16)
                    + "\r\n0\r\n\r\n");
            String unknown = exchange(port, "POST " + PATH + "/nested HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n");
            String unsigned = exchange(port, "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\n{}");
            long start = System.nanoTime();
            String silent = exchange(port, "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\"");
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(tooLong).startsWith("HTTP/1.1 413");
            assertThat(chunkedTooLong).startsWith("HTTP/1.1 413");
            assertThat(unknown).startsWith("HTTP/1.1 404");
            assertThat(unsigned).startsWith("HTTP/1.1 400").contains("MISSING_HEADER");
            assertThat(silent).as("connection closed without a response").isEmpty();
            assertThat(waitedMillis).isBetween(400L, 4000L);
        } finally {
            server.close();
        }
    }

    @Test
    @Timeout(60)
    void fiveThousandDeliveriesFromSixteenSendersReachTheHandlerExactlyOnce() throws Exception {
        Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        // A small queue so that back-pressure (503 + retry) really happens under load.
        WebhookReceiver receiver = receiver(e -> delivered.computeIfAbsent(e.id().orElseThrow(),
                id -> new AtomicInteger()).incrementAndGet()).workers(2).queueCapacity(16)
                .retryAfter(Duration.ofSeconds(1)).build();
        WebhookServer server = server(receiver);
        server.start();
        List<LoadSender.Delivery> mix = LoadSender.mix(5000, 42);
        WebhookSigner good = WebhookSigner.builder(SignatureScheme.standardWebhooks()).secret(secret).build();
        WebhookSigner forged = WebhookSigner.builder(SignatureScheme.standardWebhooks()).secret(Fixtures.whsec(32))
                .build();
        LoadSender senders = new LoadSender(server::port, PATH, good, forged);
        long start = System.nanoTime();
        boolean finished;
        try {
            finished = senders.run(mix, 16, Duration.ofSeconds(40));
        } finally {
            server.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("load: %d deliveries, %d responses in %.2f s (%.0f responses/s), %d x 503%n", mix.size(),
                senders.responses.get(), seconds, senders.responses.get() / seconds, senders.status503.get());

        long validIds = mix.stream().filter(d -> !d.badSignature()).map(LoadSender.Delivery::id).distinct().count();
        assertThat(finished).isTrue();
        assertThat(senders.gaveUp.get()).isZero();
        assertThat(delivered).hasSize((int) validIds);
        assertThat(delivered.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(delivered.keySet()).noneMatch(id -> id.startsWith("forged_"));
        assertThat(senders.badSignatureStatuses.keySet()).allMatch(key -> key.endsWith("#401"));
        assertThat(senders.successes.keySet()).noneMatch(id -> id.startsWith("forged_"));
    }
}
