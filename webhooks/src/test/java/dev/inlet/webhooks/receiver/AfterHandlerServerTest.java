package dev.inlet.webhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Headers;
import dev.inlet.webhooks.Fixtures;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookSigner;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link WebhookServer} with {@link Acknowledgement#AFTER_HANDLER}: answers wait on the selector, not on threads. */
class AfterHandlerServerTest {

    private static final String PATH = "/hooks/after";
    private final String secret = Fixtures.whsec(32);
    private final WebhookSigner signer = WebhookSigner.builder(SignatureScheme.standardWebhooks()).secret(secret).build();
    private final LinkedBlockingQueue<CompletableFuture<Void>> stages = new LinkedBlockingQueue<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private WebhookServer server;

    private WebhookServer started() {
        WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(secret).build();
        WebhookReceiver receiver = WebhookReceiver.builder()
                .endpoint(WebhookEndpoint.builder(PATH, verifier).asyncHandler(this::hold).build())
                .acknowledge(Acknowledgement.AFTER_HANDLER).workers(1).retryAfter(Duration.ofSeconds(3)).build();
        server = WebhookServer.builder(receiver).host("127.0.0.1").port(0).ioThreads(1)
                .stopGrace(Duration.ofSeconds(5)).build();
        server.start();
        return server;
    }

    private CompletionStage<Void> hold(WebhookEvent event) {
        CompletableFuture<Void> stage = new CompletableFuture<>();
        stages.add(stage);
        return stage;
    }

    private CompletableFuture<Void> nextStage() throws InterruptedException {
        CompletableFuture<Void> stage = stages.poll(10, TimeUnit.SECONDS);
        assertThat(stage).as("a handler ran").isNotNull();
        return stage;
    }

    private CompletableFuture<HttpResponse<String>> post(String id) {
        WebhookRequest signed = signer.sign(WebhookRequest.post("http://127.0.0.1:" + server.port() + PATH,
                Headers.of("webhook-id", id), ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(signed.url()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        signed.headers().forEach(request::header);
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(60)
    void twentyDeliveriesWaitAtOnceOnOneServerThreadAndOneWorker() throws Exception {
        started();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            responses.add(post("evt_" + i));
        }
        List<CompletableFuture<Void>> held = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            held.add(nextStage());
        }
        assertThat(responses).noneMatch(CompletableFuture::isDone);
        held.forEach(stage -> stage.complete(null));
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        // The same id again: 200 at once, no handler.
        assertThat(post("evt_0").get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(stages).isEmpty();
    }

    @Test
    @Timeout(60)
    void aFailedHandlerIs503WithRetryAfter() throws Exception {
        started();
        CompletableFuture<HttpResponse<String>> response = post("evt_1");
        nextStage().completeExceptionally(new IllegalStateException("down"));
        HttpResponse<String> answer = response.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("3");
    }

    @Test
    @Timeout(60)
    void stoppingAnswersWaitingDeliveries503() throws Exception {
        started();
        CompletableFuture<HttpResponse<String>> first = post("evt_1");
        CompletableFuture<HttpResponse<String>> second = post("evt_2");
        CompletableFuture<Void> late = nextStage();
        nextStage();
        server.close();
        for (CompletableFuture<HttpResponse<String>> response : List.of(first, second)) {
            HttpResponse<String> answer = response.get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).contains("3");
        }
        late.complete(null);
        server = null;
    }
}
