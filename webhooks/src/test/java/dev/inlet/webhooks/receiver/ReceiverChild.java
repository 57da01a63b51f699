package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The receiver process of the kill-and-restart test: a {@link WebhookServer} with a durable inbox
 * whose handler appends each event id to a log file (one {@code write} per event, so a SIGKILL
 * cannot lose a logged line). Prints {@code PORT <n>}, then serves until its stdin closes.
 *
 * <p>Arguments: inbox directory, handler log file, Standard Webhooks secret.
 */
public final class ReceiverChild {

    private ReceiverChild() {
    }

    /** Runs the child. */
    public static void main(String[] args) throws IOException {
        Path inboxDir = Path.of(args[0]);
        FileChannel log = FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(args[2]).build();
        WebhookHandler handler = event -> {
            byte[] line = (event.id().orElseThrow() + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (log) {
                log.write(ByteBuffer.wrap(line));
            }
        };
        WebhookReceiver receiver = WebhookReceiver.builder()
                .endpoint(WebhookEndpoint.builder("/hooks/durable", verifier).handler(handler).build())
                .inbox(DurableInbox.open(inboxDir))
                .workers(2).queueCapacity(32).retryAfter(Duration.ofSeconds(1))
                .build();
        WebhookServer server = WebhookServer.builder(receiver).host("127.0.0.1").port(0).stopGrace(Duration.ZERO)
                .build();
        server.start();
        System.out.println("PORT " + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Serve until the parent closes stdin.
        }
        server.close();
        log.close();
        System.out.println("STOPPED");
        System.out.flush();
    }
}
