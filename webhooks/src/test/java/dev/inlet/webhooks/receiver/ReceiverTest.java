package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.Fixtures;
import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.FailureReason;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.WebhookSigner;
import dev.inlet.webhooks.verify.WebhookVerifier;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.error.DecodingException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.inlet.webhooks.routing.EventActions;
import dev.inlet.webhooks.routing.EventRouter;

/** The framework-neutral entry point: statuses, deduplication, back-pressure, retries, dead letters, inbox. */
class ReceiverTest {

    static final String PATH = "/hooks/test";
    final MutableClock clock = new MutableClock(Fixtures.NOW);
    final String secret = Fixtures.whsec(32);
    final WebhookSigner signer = WebhookSigner.builder(SignatureScheme.standardWebhooks()).secret(secret).clock(clock)
            .build();
    final WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(secret)
            .clock(clock).maxBodyBytes(1000).build();
    final List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    final List<Duration> slept = new CopyOnWriteArrayList<>();
    final List<String> deadLetters = new CopyOnWriteArrayList<>();
    WebhookReceiver receiver;

    WebhookReceiver.Builder receiver(WebhookHandler handler) {
        return WebhookReceiver.builder()
                .endpoint(WebhookEndpoint.builder(PATH, verifier).handler(handler).build())
                .clock(clock)
                .sleeper(slept::add)
                .retryAfter(Duration.ofSeconds(7))
                .deadLetters((event, failure, attempts) -> deadLetters.add(event.id().orElse("?") + "/" + attempts
                        + "/" + failure.getClass().getSimpleName()));
    }

    WebhookRequest delivery(String id, String body) {
        return signer.sign(WebhookRequest.post("https://r.example" + PATH, dev.inlet.core.Headers.of("webhook-id", id),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(10, TimeUnit.SECONDS)).as("waited for handler").isTrue();
    }

    /** Waits, at most 10 s, until the condition holds (polling, yielding the CPU between checks). */
    static void awaitCondition(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited for " + what).isNegative();
            Thread.yield();
        }
    }

    @AfterEach
    void close() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void acceptedEventReachesTheHandlerOnceAndDuplicatesAreAcknowledged() throws Exception {
        CountDownLatch one = new CountDownLatch(1);
        receiver = receiver(e -> {
            handled.add(e);
            one.countDown();
        }).build();
        receiver.start();

        WebhookResponse first = receiver.handle(delivery("msg_1", "{\"type\":\"user.created\"}"));
        await(one);
        clock.advance(Duration.ofMinutes(1));
        WebhookResponse again = receiver.handle(delivery("msg_1", "{\"type\":\"user.created\"}"));
        receiver.close();

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.reason()).contains(FailureReason.DUPLICATE_DELIVERY);
        assertThat(handled).hasSize(1);
        WebhookEvent event = handled.get(0);
        assertThat(event.id()).contains("msg_1");
        assertThat(event.type()).contains("user.created");
        assertThat(event.keyId()).contains("primary");
        assertThat(event.endpoint()).isEqualTo(PATH);
        assertThat(event.json().path("type").asString()).isEqualTo("user.created");
    }

    @Test
    void badRequestsGetTypedStatusesAndNeverReachTheHandler() {
        receiver = receiver(handled::add).build();
        receiver.start();
        WebhookRequest good = delivery("msg_2", "{}");

        String wrong = "v1," + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(receiver.handle(Fixtures.withHeader(good, "webhook-signature", wrong)).status()).isEqualTo(401);
        // Not even a 32-byte signature: malformed, whatever the key (see UndecodableSignatureTest).
        assertThat(receiver.handle(Fixtures.withHeader(good, "webhook-signature", "v1,AAAA")).status()).isEqualTo(400);
        assertThat(receiver.handle(Fixtures.without(good, "webhook-timestamp")).status()).isEqualTo(400);
        assertThat(receiver.handle(delivery("msg_3", "x".repeat(1001))).status()).isEqualTo(413);
        assertThat(receiver.handle("/other", good).status()).isEqualTo(404);
        clock.advance(Duration.ofMinutes(6));
        WebhookResponse stale = receiver.handle(good);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.reason()).contains(FailureReason.TIMESTAMP_TOO_OLD);
        assertThat(stale.body()).contains("TIMESTAMP_TOO_OLD");
        receiver.close();
        assertThat(handled).isEmpty();
    }

    @Test
    void fullQueueAnswers503WithRetryAfterAndTheRetryIsAccepted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        receiver = receiver(e -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            handled.add(e);
        }).workers(1).queueCapacity(1).build();
        receiver.start();

        assertThat(receiver.handle(delivery("a", "{}")).status()).isEqualTo(200);
        await(started);
        assertThat(receiver.handle(delivery("b", "{}")).status()).isEqualTo(200);
        WebhookResponse full = receiver.handle(delivery("c", "{}"));
        release.countDown();
        receiver.close();

        assertThat(full.status()).isEqualTo(503);
        assertThat(full.headers().first("Retry-After")).contains("7");
        assertThat(handled).extracting(e -> e.id().orElseThrow()).containsExactly("a", "b");
    }

    @Test
    void rejectedForFullQueueIsNotRememberedAsSeen() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch three = new CountDownLatch(3);
        receiver = receiver(e -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            handled.add(e);
            three.countDown();
        }).workers(1).queueCapacity(1).build();
        receiver.start();
        receiver.handle(delivery("a", "{}"));
        await(started);
        receiver.handle(delivery("b", "{}"));

        assertThat(receiver.handle(delivery("c", "{}")).status()).isEqualTo(503);
        release.countDown();
        WebhookResponse retried = WebhookResponse.of(0, "");
        for (int i = 0; i < 1000 && !retried.isSuccess(); i++) {
            retried = receiver.handle(delivery("c", "{}"));
        }
        await(three);

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.reason()).isEmpty();
        assertThat(handled).extracting(e -> e.id().orElseThrow()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void failingHandlerIsRetriedWithBackoffThenDeadLettered() throws Exception {
        CountDownLatch dead = new CountDownLatch(1);
        receiver = receiver(e -> {
            throw new IllegalStateException("downstream is down");
        }).retry(HandlerRetry.builder().maxAttempts(4).backoff(Duration.ofMillis(100), Duration.ofMillis(300)).build())
                .deadLetters((event, failure, attempts) -> {
                    deadLetters.add(event.id().orElseThrow() + "/" + attempts + "/" + failure.getMessage());
                    dead.countDown();
                }).build();
        receiver.start();

        assertThat(receiver.handle(delivery("msg_f", "{}")).status()).isEqualTo(200);
        await(dead);

        assertThat(deadLetters).containsExactly("msg_f/4/downstream is down");
        assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
    }

    @Test
    void malformedJsonIsDeadLetteredWithoutRetries() throws Exception {
        CountDownLatch dead = new CountDownLatch(1);
        receiver = receiver(EventRouter.builder().on("x", Object.class, (value, event) -> { }).otherwise(e -> e.json())
                .build()).deadLetters((event, failure, attempts) -> {
                    deadLetters.add(attempts + "/" + failure.getClass().getSimpleName());
                    dead.countDown();
                }).build();
        receiver.start();

        assertThat(receiver.handle(delivery("msg_j", "{\"type\": oops")).status()).isEqualTo(200);
        await(dead);

        assertThat(deadLetters).containsExactly("1/" + DecodingException.class.getSimpleName());
        assertThat(slept).isEmpty();
    }

    /** The caller's event type. */
    record Signup(String type, String email) {
    }

    @Test
    void typedEventsRefreshAndDataPointHelpers() throws Exception {
        List<Signup> signups = new CopyOnWriteArrayList<>();
        List<String> refreshed = new CopyOnWriteArrayList<>();
        List<BigDecimal> amounts = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        WebhookHandler refresh = EventActions.refresh(refreshed::add, "orders", "order.*");
        WebhookHandler amount = EventActions.dataPoint(e -> e.json().path("amount").decimalValue(), amounts::add);
        receiver = receiver(EventRouter.builder()
                .on("user.signup", Signup.class, (signup, event) -> signups.add(signup))
                .on("order.paid", e -> {
                    refresh.handle(e);
                    amount.handle(e);
                })
                .otherwise(e -> refreshed.add("ignored:" + e.type().orElse("none")))
                .build()).build();
        WebhookReceiver counting = receiver;
        receiver.start();

        counting.handle(delivery("1", "{\"type\":\"user.signup\",\"email\":\"a@b.c\",\"extra\":1}"));
        counting.handle(delivery("2", "{\"type\":\"order.paid\",\"amount\":12.50}"));
        counting.handle(delivery("3", "{\"type\":\"brand.new.type\"}"));
        receiver.close();

        assertThat(signups).containsExactly(new Signup("user.signup", "a@b.c"));
        assertThat(refreshed).containsExactlyInAnyOrder("orders", "ignored:brand.new.type");
        assertThat(amounts).containsExactly(new BigDecimal("12.50"));
        assertThat(three.getCount()).isEqualTo(3);
    }

    @Test
    void closeDrainsQueuedEventsThenRefusesNewOnes() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        receiver = receiver(e -> {
            gate.await(10, TimeUnit.SECONDS);
            handled.add(e);
        }).workers(1).queueCapacity(10).build();
        receiver.start();
        for (int i = 0; i < 5; i++) {
            assertThat(receiver.handle(delivery("d" + i, "{}")).status()).isEqualTo(200);
        }
        gate.countDown();
        receiver.close();

        assertThat(handled).hasSize(5);
        WebhookResponse after = receiver.handle(delivery("late", "{}"));
        assertThat(after.status()).isEqualTo(503);
        assertThat(after.headers().contains("Retry-After")).isTrue();
        assertThat(receiver.isRunning()).isFalse();
    }

    @Test
    void deduplicationTtlMustExceedTheTolerance() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> receiver(handled::add)
                .deduplicationTtl(Duration.ofMinutes(5)).build())
                .isInstanceOf(WebhookConfigException.class).hasMessageContaining("tolerance");
    }

    @Test
    void durableInboxRedeliversUnprocessedEventsAfterACrashAndNeverProcessedOnes(@TempDir Path dir)
            throws Exception {
        CountDownLatch firstDone = new CountDownLatch(1);
        CountDownLatch stuck = new CountDownLatch(1);
        DurableInbox inbox = DurableInbox.builder(dir).clock(clock).open();
        WebhookReceiver crashed = receiver(e -> {
            if (e.id().orElseThrow().equals("done")) {
                handled.add(e);
                firstDone.countDown();
            } else {
                stuck.await(10, TimeUnit.SECONDS);
            }
        }).inbox(inbox).workers(1).build();
        crashed.start();
        assertThat(crashed.handle(delivery("done", "{}")).status()).isEqualTo(200);
        await(firstDone);
        // The handler returning is not the event being marked done: that mark follows, and only a
        // marked event is guaranteed not to come again after a crash.
        awaitCondition("the done mark", () -> inbox.pendingCount() == 0);
        assertThat(crashed.handle(delivery("pending-1", "{\"n\":1}")).status()).isEqualTo(200);
        assertThat(crashed.handle(delivery("pending-2", "{\"n\":2}")).status()).isEqualTo(200);
        // "Crash": the process state is abandoned without close(); only the journal remains. The first
        // inbox still holds the directory's lock, so the "restarted" one opens a copy of the journal
        // as the crash left it.
        Path restarted = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-restarted"));
        Files.copy(dir.resolve(DurableInbox.FILE_NAME), restarted.resolve(DurableInbox.FILE_NAME));
        List<String> redelivered = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        receiver = receiver(e -> {
            redelivered.add(e.id().orElseThrow() + ":" + e.bodyAsString());
            two.countDown();
        }).inbox(DurableInbox.builder(restarted).clock(clock).open()).workers(1).build();
        receiver.start();
        await(two);
        WebhookResponse retryOfAccepted = receiver.handle(delivery("pending-1", "{\"n\":1}"));
        WebhookResponse retryOfDone = receiver.handle(delivery("done", "{}"));
        receiver.close();
        stuck.countDown();

        assertThat(redelivered).containsExactly("pending-1:{\"n\":1}", "pending-2:{\"n\":2}");
        assertThat(retryOfAccepted.reason()).contains(FailureReason.DUPLICATE_DELIVERY);
        assertThat(retryOfDone.reason()).contains(FailureReason.DUPLICATE_DELIVERY);
        DurableInbox reopened = DurableInbox.builder(restarted).clock(clock).open();
        assertThat(reopened.pendingCount()).isZero();
        reopened.close();
    }
}
