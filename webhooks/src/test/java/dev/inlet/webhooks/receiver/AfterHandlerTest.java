package dev.inlet.webhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Headers;
import dev.inlet.webhooks.Fixtures;
import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookSigner;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Acknowledgement#AFTER_HANDLER}: the answer waits for the handler's stage, whatever it becomes. */
class AfterHandlerTest {

    static final String PATH = "/hooks/test";
    static final long BOUND = 10;
    final MutableClock clock = new MutableClock(Fixtures.NOW);
    final String secret = Fixtures.whsec(32);
    final WebhookSigner signer = WebhookSigner.builder(SignatureScheme.standardWebhooks()).secret(secret).clock(clock)
            .build();
    final WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(secret)
            .clock(clock).maxBodyBytes(1000).build();
    /** Each handled event's stage, by event id, completed by the test. */
    final Map<String, List<CompletableFuture<Void>>> stages = new ConcurrentHashMap<>();
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

    WebhookReceiver.Builder builder(AsyncWebhookHandler handler) {
        return WebhookReceiver.builder()
                .endpoint(WebhookEndpoint.builder(PATH, verifier).asyncHandler(handler).build())
                .acknowledge(Acknowledgement.AFTER_HANDLER)
                .clock(clock).retryAfter(Duration.ofSeconds(7)).listener(listener);
    }

    /** A receiver whose handler returns a stage the test completes. */
    WebhookReceiver started(WebhookReceiver.Builder builder) {
        receiver = builder.build();
        receiver.start();
        return receiver;
    }

    WebhookReceiver heldStages() {
        return started(builder(this::hold));
    }

    CompletionStage<Void> hold(WebhookEvent event) {
        CompletableFuture<Void> stage = new CompletableFuture<>();
        synchronized (stages) {
            stages.computeIfAbsent(event.id().orElse("?"), id -> new CopyOnWriteArrayList<>()).add(stage);
            stages.notifyAll();
        }
        return stage;
    }

    /** The stage of the handler's {@code index}-th run on event {@code id}, once it ran (bounded wait). */
    CompletableFuture<Void> stage(String id, int index) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND);
        synchronized (stages) {
            while (true) {
                List<CompletableFuture<Void>> list = stages.get(id);
                if (list != null && list.size() > index) {
                    return list.get(index);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the handler never ran for " + id + " #" + index);
                }
                TimeUnit.NANOSECONDS.timedWait(stages, left);
            }
        }
    }

    WebhookRequest delivery(String id) {
        return signer.sign(WebhookRequest.post("https://r.example" + PATH, Headers.of("webhook-id", id),
                ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)));
    }

    static WebhookResponse answer(CompletionStage<WebhookResponse> stage) throws Exception {
        return stage.toCompletableFuture().get(BOUND, TimeUnit.SECONDS);
    }

    @Test
    void theAnswerWaitsForTheStageAndIs200WhenItCompletes() throws Exception {
        heldStages();
        CompletableFuture<WebhookResponse> pending = receiver.handleAsync(PATH, delivery("evt_1")).toCompletableFuture();
        CompletableFuture<Void> stage = stage("evt_1", 0);
        assertThat(pending).isNotDone();
        assertThat(answered).isEmpty();
        stage.complete(null);
        WebhookResponse response = answer(pending);
        assertThat(response.status()).isEqualTo(200);
        assertThat(answered).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(WebhookListener.Outcome.ACCEPTED);
            assertThat(d.reason()).isEqualTo("accepted");
        });
        assertThat(handled).singleElement().satisfies(h -> assertThat(h.deadLettered()).isFalse());
        assertThat(receiver.acknowledgement()).isEqualTo(Acknowledgement.AFTER_HANDLER);
    }

    @Test
    void aDuplicateOfAHandledEventIs200WithoutASecondHandling() throws Exception {
        heldStages();
        CompletionStage<WebhookResponse> first = receiver.handleAsync(PATH, delivery("evt_1"));
        stage("evt_1", 0).complete(null);
        assertThat(answer(first).status()).isEqualTo(200);
        WebhookResponse again = answer(receiver.handleAsync(PATH, delivery("evt_1")));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).startsWith("DUPLICATE_DELIVERY");
        assertThat(stages.get("evt_1")).hasSize(1);
        assertThat(answered).extracting(WebhookListener.Delivery::outcome)
                .containsExactly(WebhookListener.Outcome.ACCEPTED, WebhookListener.Outcome.DUPLICATE);
    }

    @Test
    void aFailedStageIs503AndTheRedeliveryIsHandledAgain() throws Exception {
        heldStages();
        CompletionStage<WebhookResponse> first = receiver.handleAsync(PATH, delivery("evt_1"));
        stage("evt_1", 0).completeExceptionally(new IllegalStateException("kafka is down"));
        WebhookResponse failed = answer(first);
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.headers().first("Retry-After")).contains("7");
        assertThat(failed.body()).doesNotContain("kafka is down");
        CompletionStage<WebhookResponse> second = receiver.handleAsync(PATH, delivery("evt_1"));
        stage("evt_1", 1).complete(null);
        assertThat(answer(second).status()).isEqualTo(200);
        assertThat(answered).extracting(WebhookListener.Delivery::reason).containsExactly("handler_failed", "accepted");
        assertThat(answered.get(0).outcome()).isEqualTo(WebhookListener.Outcome.THROTTLED);
        assertThat(handled).hasSize(1);
    }

    @Test
    void aThrowingSynchronousHandlerIs503AndASucceedingOne200() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        receiver = WebhookReceiver.builder()
                .endpoint(WebhookEndpoint.builder(PATH, verifier).handler(event -> {
                    ran.add(event.id().orElseThrow());
                    if (event.id().orElseThrow().equals("bad")) {
                        throw new IllegalStateException("no");
                    }
                }).build())
                .acknowledge(Acknowledgement.AFTER_HANDLER).clock(clock).build();
        receiver.start();
        assertThat(receiver.handle(PATH, delivery("good")).status()).isEqualTo(200);
        assertThat(receiver.handle(PATH, delivery("bad")).status()).isEqualTo(503);
        assertThat(ran).containsExactly("good", "bad");
    }

    @Test
    void aStageNotCompletedInTimeIs503AndALateSuccessStillCountsForDuplicates() throws Exception {
        started(builder(this::hold).handlerTimeout(Duration.ofMillis(50)));
        WebhookResponse timedOut = answer(receiver.handleAsync(PATH, delivery("evt_1")));
        assertThat(timedOut.status()).isEqualTo(503);
        assertThat(timedOut.headers().first("Retry-After")).contains("7");
        assertThat(answered).singleElement().satisfies(d -> assertThat(d.reason()).isEqualTo("handler_timeout"));
        // While the handler still runs, a redelivery is neither handled twice nor accepted.
        WebhookResponse meanwhile = answer(receiver.handleAsync(PATH, delivery("evt_1")));
        assertThat(meanwhile.status()).isEqualTo(503);
        assertThat(answered.get(1).reason()).isEqualTo("in_progress");
        stage("evt_1", 0).complete(null);
        WebhookResponse later = answer(receiver.handleAsync(PATH, delivery("evt_1")));
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.body()).startsWith("DUPLICATE_DELIVERY");
        assertThat(stages.get("evt_1")).hasSize(1);
    }

    @Test
    void closingAnswersWaitingDeliveries503AndRefusesNewOnes() throws Exception {
        heldStages();
        List<CompletionStage<WebhookResponse>> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(receiver.handleAsync(PATH, delivery("evt_" + i)));
            stage("evt_" + i, 0);
        }
        receiver.close();
        for (CompletionStage<WebhookResponse> stage : waiting) {
            WebhookResponse response = answer(stage);
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.headers().first("Retry-After")).contains("7");
        }
        assertThat(answer(receiver.handleAsync(PATH, delivery("evt_new"))).status()).isEqualTo(503);
        assertThat(answered).extracting(WebhookListener.Delivery::reason).containsOnly("not_running");
        // A handler finishing after the stop changes no answer.
        stages.get("evt_0").get(0).complete(null);
        assertThat(answer(waiting.get(0)).status()).isEqualTo(503);
    }

    @Test
    void verificationAndBodyLimitsStillComeFirst() throws Exception {
        heldStages();
        WebhookRequest forged = WebhookRequest.post("https://r.example" + PATH, delivery("evt_1").headers(),
                "{\"id\":\"other\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(answer(receiver.handleAsync(PATH, forged)).status()).isEqualTo(401);
        WebhookRequest large = signer.sign(WebhookRequest.post("https://r.example" + PATH,
                Headers.of("webhook-id", "big"), new byte[1001]));
        assertThat(answer(receiver.handleAsync(PATH, large)).status()).isEqualTo(413);
        assertThat(answer(receiver.handleAsync("/elsewhere", delivery("evt_2"))).status()).isEqualTo(404);
        assertThat(stages).isEmpty();
        assertThat(answered).extracting(WebhookListener.Delivery::outcome).containsOnly(WebhookListener.Outcome.REFUSED);
    }

    @Test
    void manyDeliveriesWaitOnOneWorkerAndTheQueueBoundsThem() throws Exception {
        started(builder(this::hold).workers(1).queueCapacity(49));
        List<CompletableFuture<WebhookResponse>> waiting = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            waiting.add(receiver.handleAsync(PATH, delivery("evt_" + i)).toCompletableFuture());
        }
        for (int i = 0; i < 50; i++) {
            stage("evt_" + i, 0);
        }
        // 50 stages started on one worker: none of them holds it. The 51st finds no slot.
        WebhookResponse full = answer(receiver.handleAsync(PATH, delivery("evt_full")));
        assertThat(full.status()).isEqualTo(503);
        assertThat(full.body()).startsWith("queue full");
        List<Thread> completers = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            int from = t * 10;
            Thread thread = new Thread(() -> {
                for (int i = from; i < from + 10; i++) {
                    stages.get("evt_" + i).get(0).complete(null);
                }
            });
            completers.add(thread);
            thread.start();
        }
        for (Thread thread : completers) {
            thread.join(TimeUnit.SECONDS.toMillis(BOUND));
        }
        for (CompletableFuture<WebhookResponse> w : waiting) {
            assertThat(w.get(BOUND, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(handled).hasSize(50);
        // Every slot came back.
        CompletionStage<WebhookResponse> after = receiver.handleAsync(PATH, delivery("evt_after"));
        stage("evt_after", 0).complete(null);
        assertThat(answer(after).status()).isEqualTo(200);
        assertThat(answered.get(answered.size() - 1).queueDepth()).isZero();
    }

    @Test
    void onReceiptStaysTheDefaultAndRetriesAFailedAsyncStage() throws Exception {
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        receiver = WebhookReceiver.builder()
                .endpoint(WebhookEndpoint.builder(PATH, verifier).asyncHandler(event -> {
                    attempts.add(attempts.size() + 1);
                    if (attempts.size() == 1) {
                        return CompletableFuture.failedFuture(new java.io.IOException("once"));
                    }
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                }).build())
                .clock(clock).sleeper(d -> { }).build();
        receiver.start();
        assertThat(receiver.acknowledgement()).isEqualTo(Acknowledgement.ON_RECEIPT);
        assertThat(receiver.handle(PATH, delivery("evt_1")).status()).isEqualTo(200);
        done.get(BOUND, TimeUnit.SECONDS);
        assertThat(attempts).containsExactly(1, 2);
    }

    @Test
    void aDurableInboxIsRefusedWithAfterHandler(@TempDir Path dir) {
        DurableInbox inbox = DurableInbox.open(dir);
        try {
            assertThatThrownBy(() -> builder(this::hold).inbox(inbox).build())
                    .isInstanceOf(WebhookConfigException.class).hasMessageContaining("AFTER_HANDLER");
        } finally {
            inbox.close();
        }
        assertThatThrownBy(() -> builder(this::hold).handlerTimeout(Duration.ZERO))
                .isInstanceOf(WebhookConfigException.class);
    }
}
