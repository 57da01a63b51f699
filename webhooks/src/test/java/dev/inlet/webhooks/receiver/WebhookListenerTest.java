package dev.inlet.webhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Headers;
import dev.inlet.webhooks.Fixtures;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookSigner;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a receiver tells its {@link WebhookListener}: every answer with its outcome, every handler run. */
class WebhookListenerTest {

    static final String PATH = "/hooks/test";
    static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    final MutableClock clock = new MutableClock(Fixtures.NOW);
    final String secret = Fixtures.whsec(32);
    final WebhookSigner signer = WebhookSigner.builder(SignatureScheme.standardWebhooks()).secret(secret).clock(clock)
            .build();
    final WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(secret)
            .clock(clock).maxBodyBytes(1000).build();
    final List<WebhookListener.Delivery> answered = new CopyOnWriteArrayList<>();
    final List<WebhookListener.Handled> handled = new CopyOnWriteArrayList<>();
    final WebhookListener listener = new WebhookListener() {
        @Override
        public void deliveryAnswered(Delivery event) {
            answered.add(event);
        }

        @Override
        public void eventHandled(Handled event) {
            handled.add(event);
        }
    };
    WebhookReceiver receiver;

    @AfterEach
    void close() {
        if (receiver != null) {
            receiver.close();
        }
    }

    WebhookRequest delivery(String id, String body) {
        return signer.sign(WebhookRequest.post("https://r.example" + PATH,
                Headers.of("webhook-id", id, "traceparent", TRACEPARENT), body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyAnswerIsReportedWithItsOutcomeAndReason() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(2);
        receiver = WebhookReceiver.builder()
                .endpoint(WebhookEndpoint.builder(PATH, verifier).handler(e -> {
                    clock.advance(Duration.ofSeconds(3));
                    ReceiverTest.await(release);
                    done.countDown();
                }).build())
                .clock(clock).workers(1).queueCapacity(1).listener(listener).build();
        receiver.handle(delivery("msg_0", "{}"));
        receiver.start();

        receiver.handle(delivery("msg_1", "{\"type\":\"user.created\"}"));
        receiver.handle(delivery("msg_1", "{\"type\":\"user.created\"}"));
        receiver.handle(Fixtures.withHeader(delivery("msg_2", "{}"), "webhook-signature", "v1,AAAA"));
        receiver.handle(delivery("msg_3", "{\"type\":\"user.deleted\"}"));
        receiver.handle(delivery("msg_4", "{}"));
        receiver.handle("/elsewhere", delivery("msg_5", "{}"));
        release.countDown();
        ReceiverTest.await(done);
        ReceiverTest.awaitCondition("two handled events", () -> handled.size() == 2);

        assertThat(answered).extracting(d -> d.outcome() + ":" + d.reason() + ":" + d.status()).containsExactly(
                "THROTTLED:not_running:503", "ACCEPTED:accepted:200", "DUPLICATE:duplicate:200",
                "REFUSED:MALFORMED_HEADER:400", "ACCEPTED:accepted:200", "THROTTLED:queue_full:503",
                "REFUSED:UNKNOWN_ENDPOINT:404");
        assertThat(answered).extracting(WebhookListener.Delivery::endpoint)
                .containsExactly(PATH, PATH, PATH, PATH, PATH, PATH, "");
        assertThat(answered.get(4).queueDepth()).as("one running, one queued").isEqualTo(2);
        assertThat(answered).allSatisfy(d -> {
            assertThat(d.traceContext()).containsOnlyKeys("traceparent").containsEntry("traceparent", TRACEPARENT);
            assertThat(d.toString()).doesNotContain(secret).doesNotContain("webhook-signature");
        });

        assertThat(handled).extracting(h -> h.eventType().orElse("?"))
                .containsExactlyInAnyOrder("user.created", "user.deleted");
        assertThat(handled).allSatisfy(h -> {
            assertThat(h.deadLettered()).isFalse();
            assertThat(h.attempts()).isEqualTo(1);
            assertThat(h.lag()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            assertThat(h.traceContext()).containsEntry("traceparent", TRACEPARENT);
        });
    }

    @Test
    void aHandlerThatKeepsFailingIsReportedDeadLetteredWithItsAttempts() throws Exception {
        receiver = WebhookReceiver.builder()
                .endpoint(WebhookEndpoint.builder(PATH, verifier).handler(e -> {
                    throw new IllegalStateException("down");
                }).build())
                .clock(clock).sleeper(d -> { }).retry(HandlerRetry.builder().maxAttempts(3).build())
                .deadLetters((event, failure, attempts) -> { })
                .listener(listener).build();
        receiver.start();

        receiver.handle(delivery("msg_1", "{}"));
        ReceiverTest.awaitCondition("the dead letter", () -> handled.size() == 1);

        assertThat(handled.get(0).deadLettered()).isTrue();
        assertThat(handled.get(0).attempts()).isEqualTo(3);
    }

    @Test
    void aFailingListenerDoesNotChangeTheAnswer() {
        receiver = WebhookReceiver.builder()
                .endpoint(WebhookEndpoint.builder(PATH, verifier).handler(e -> { }).build())
                .clock(clock).listener(new WebhookListener() {
                    @Override
                    public void deliveryAnswered(Delivery event) {
                        throw new IllegalStateException("listener bug");
                    }
                }).build();
        receiver.start();

        assertThat(receiver.handle(delivery("msg_1", "{}")).status()).isEqualTo(200);
    }
}
