package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.Fixtures;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.WebhookSigner;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load test again, with the receiver in a child JVM that is killed ({@code SIGKILL}) midway and
 * restarted on the same durable inbox: every delivery that got a 2xx reaches the handler, forged
 * ones never do, and the only repeats are events that were in flight at the kill.
 */
class KillRestartTest {

    @Test
    @Timeout(90)
    void nothingAcceptedIsLostWhenTheReceiverIsKilledAndRestarted(@TempDir Path dir) throws Exception {
        String secret = Fixtures.whsec(32);
        Path inbox = dir.resolve("inbox");
        Path log = dir.resolve("handled.log");
        AtomicInteger port = new AtomicInteger();
        Process first = startChild(inbox, log, secret, port);
        List<LoadSender.Delivery> mix = LoadSender.mix(3000, 7);
        WebhookSigner good = WebhookSigner.builder(SignatureScheme.standardWebhooks()).secret(secret).build();
        WebhookSigner forged = WebhookSigner.builder(SignatureScheme.standardWebhooks()).secret(Fixtures.whsec(32))
                .build();
        LoadSender senders = new LoadSender(port::get, "/hooks/durable", good, forged);
        Thread killer = new Thread(() -> {
            // Kill once a third of the deliveries were answered; bounded so it cannot hang.
            try {
                senders.awaitResponses(mix.size() / 3, Duration.ofSeconds(30));
                first.destroyForcibly();
                first.waitFor(10, TimeUnit.SECONDS);
                startChild(inbox, log, secret, port);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();
        boolean finished = senders.run(mix, 16, Duration.ofSeconds(60));
        killer.join(TimeUnit.SECONDS.toMillis(30));
        Process second = children.get(children.size() - 1);
        second.getOutputStream().close();
        assertThat(second.waitFor(20, TimeUnit.SECONDS)).as("second child stopped").isTrue();

        Map<String, Long> handled = Files.readAllLines(log).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> repeated = handled.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        System.out.printf("kill/restart: %d responses, %d connection failures, %d handled ids, %d repeated%n",
                senders.responses.get(), senders.connectFailures.get(), handled.size(), repeated.size());

        assertThat(children).hasSize(2);
        assertThat(first.isAlive()).isFalse();
        assertThat(finished).isTrue();
        assertThat(senders.gaveUp.get()).isZero();
        assertThat(handled.keySet()).containsAll(senders.successes.keySet());
        assertThat(handled.keySet()).noneMatch(id -> id.startsWith("forged_"));
        long validIds = mix.stream().filter(d -> !d.badSignature()).map(LoadSender.Delivery::id).distinct().count();
        assertThat(handled).hasSize((int) validIds);
        // Only events whose handler ran but whose DONE mark was not yet on disk can repeat.
        assertThat(repeated.size()).isLessThanOrEqualTo(2 + 32);
    }

    private final List<Process> children = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Process startChild(Path inbox, Path log, String secret, AtomicInteger port) throws Exception {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ReceiverChild.class.getName(), inbox.toString(), log.toString(), secret)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        children.add(child);
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("child announced its port").startsWith("PORT ");
        port.set(Integer.parseInt(line.substring(5).trim()));
        return child;
    }
}
