package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookSigner;
import dev.inlet.core.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Simulated webhook senders for the load tests: concurrent threads that POST signed deliveries to
 * loopback and retry on anything but 2xx (bad-signature deliveries get a few tries, as a real
 * sender would, and must never succeed). Bounded in attempts and in time.
 */
final class LoadSender {

    /** One delivery: an event id, whether its signature is deliberately wrong, and its body. */
    record Delivery(String id, boolean badSignature, String body) {
    }

    private final IntSupplier port;
    private final WebhookSigner goodSigner;
    private final WebhookSigner badSigner;
    private final String path;
    private final HttpClient client;
    /** Backoff between retries of a simulated sender; the sender's behaviour, not a test wait. */
    private final Sleeper backoff = Sleeper.system();
    final Map<String, Integer> successes = new ConcurrentHashMap<>();
    final Map<String, Integer> badSignatureStatuses = new ConcurrentHashMap<>();
    final AtomicInteger responses = new AtomicInteger();
    final AtomicInteger status503 = new AtomicInteger();
    final AtomicInteger connectFailures = new AtomicInteger();
    final AtomicInteger gaveUp = new AtomicInteger();

    LoadSender(IntSupplier port, String path, WebhookSigner goodSigner, WebhookSigner badSigner) {
        this.port = port;
        this.path = path;
        this.goodSigner = goodSigner;
        this.badSigner = badSigner;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Waits until at least {@code count} responses arrived or the timeout passed; true if they did. */
    boolean awaitResponses(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (responses) {
            while (responses.get() < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                responses.wait(left);
            }
            return true;
        }
    }

    /** Sends everything with {@code senders} threads; returns false if the deadline passed first. */
    boolean run(List<Delivery> deliveries, int senders, Duration deadline) throws InterruptedException {
        Queue<Delivery> queue = new ConcurrentLinkedQueue<>(deliveries);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long end = System.nanoTime() + deadline.toNanos();
        for (int i = 0; i < senders; i++) {
            pool.execute(() -> {
                Delivery d;
                while ((d = queue.poll()) != null && System.nanoTime() < end) {
                    send(d, end);
                }
            });
        }
        pool.shutdown();
        boolean finished = pool.awaitTermination(deadline.toMillis() + 5000, TimeUnit.MILLISECONDS);
        pool.shutdownNow();
        return finished && queue.isEmpty();
    }

    private void send(Delivery d, long end) {
        int maxAttempts = d.badSignature() ? 3 : 500;
        for (int attempt = 1; attempt <= maxAttempts && System.nanoTime() < end; attempt++) {
            WebhookRequest signed = (d.badSignature() ? badSigner : goodSigner).sign(WebhookRequest.post(
                    "http://127.0.0.1" + path, dev.inlet.core.Headers.of("webhook-id", d.id()),
                    d.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            int status;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt()
                        + path)).timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofByteArray(
                                signed.body()));
                signed.headers().forEach(request::header);
                status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                responses.incrementAndGet();
                synchronized (responses) {
                    responses.notifyAll();
                }
            } catch (IOException e) {
                connectFailures.incrementAndGet();
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (d.badSignature()) {
                badSignatureStatuses.merge(d.id() + "#" + status, 1, Integer::sum);
                if (status >= 200 && status < 300) {
                    successes.merge(d.id(), 1, Integer::sum);
                    return;
                }
            } else if (status >= 200 && status < 300) {
                successes.merge(d.id(), 1, Integer::sum);
                return;
            }
            if (status == 503) {
                status503.incrementAndGet();
            }
            try {
                backoff.sleep(Duration.ofMillis(Math.min(50, 2L * attempt)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!d.badSignature()) {
            gaveUp.incrementAndGet();
        }
    }

    /** 5,000 deliveries: 10% resends of earlier events, 5% with a wrong signature, shuffled. */
    static List<Delivery> mix(int total, long seed) {
        java.util.Random random = new java.util.Random(seed);
        int bad = total / 20;
        int duplicates = total / 10;
        int unique = total - bad - duplicates;
        List<Delivery> all = new java.util.ArrayList<>(total);
        for (int i = 0; i < unique; i++) {
            all.add(new Delivery("evt_" + i, false, "{\"type\":\"load.test\",\"n\":" + i + "}"));
        }
        for (int i = 0; i < duplicates; i++) {
            int of = random.nextInt(unique);
            all.add(new Delivery("evt_" + of, false, "{\"type\":\"load.test\",\"n\":" + of + "}"));
        }
        for (int i = 0; i < bad; i++) {
            all.add(new Delivery("forged_" + i, true, "{\"type\":\"load.test\",\"forged\":" + i + "}"));
        }
        java.util.Collections.shuffle(all, random);
        return all;
    }
}
