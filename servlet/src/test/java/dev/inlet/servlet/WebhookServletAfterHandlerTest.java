package dev.inlet.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Headers;
import dev.inlet.webhooks.receiver.Acknowledgement;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookEvent;
import dev.inlet.webhooks.receiver.WebhookReceiver;
import dev.inlet.webhooks.verify.Keyring;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookSigner;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Acknowledgement#AFTER_HANDLER} through the servlet in an embedded Jetty 12 (ee10): the answer
 * waits for the asynchronous handler, and in async mode no container thread waits with it.
 */
class WebhookServletAfterHandlerTest {

    private static final String SECRET = whsec();
    private static final Duration RETRY_AFTER = Duration.ofSeconds(7);

    /** Each handler call leaves the stage the test completes, and the event it was given. */
    private record Call(WebhookEvent event, CompletableFuture<Void> stage) {
    }

    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final WebhookSigner signer = WebhookSigner.builder(SignatureScheme.standardWebhooks())
            .keyring(Keyring.of(SECRET)).build();
    private Server jetty;
    private int port;

    @AfterEach
    void stop() throws Exception {
        calls.forEach(call -> call.stage().complete(null));
        if (jetty != null) {
            jetty.stop();
        }
    }

    private void start(boolean async, Duration handlerTimeout, int jettyThreads) throws Exception {
        WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks())
                .keyring(Keyring.of(SECRET)).build();
        WebhookReceiver receiver = WebhookReceiver.builder()
                .endpoint(WebhookEndpoint.builder("/hooks/orders", verifier).asyncHandler(event -> {
                    CompletableFuture<Void> stage = new CompletableFuture<>();
                    calls.add(new Call(event, stage));
                    return stage;
                }).build())
                .acknowledge(Acknowledgement.AFTER_HANDLER)
                .handlerTimeout(handlerTimeout)
                .retryAfter(RETRY_AFTER)
                .workers(1)                      // free again as soon as a handler returned its stage
                .queueCapacity(100)
                .drainTimeout(Duration.ofSeconds(2))
                .build();
        QueuedThreadPool pool = new QueuedThreadPool(jettyThreads, Math.min(jettyThreads, 4));
        pool.setReservedThreads(0);
        jetty = new Server(pool);
        ServerConnector connector = new ServerConnector(jetty, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/app");
        ServletHolder holder = new ServletHolder(WebhookServlet.builder(receiver).build());
        holder.setAsyncSupported(async);
        context.addServlet(holder, "/hooks/*");
        jetty.setHandler(context);
        jetty.start();
        port = connector.getLocalPort();
    }

    private CompletableFuture<HttpResponse<String>> send(String id) {
        WebhookRequest request = signer.sign(WebhookRequest.post("http://127.0.0.1:" + port + "/app/hooks/orders",
                Headers.of("webhook-id", id), ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)));
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(request.url())).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        return client.sendAsync(http.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Call nextCall() throws InterruptedException {
        Call call = calls.poll(10, TimeUnit.SECONDS);
        assertThat(call).as("a handler call within 10 s").isNotNull();
        return call;
    }

    @Test
    void theAnswerIs200OnlyOnceTheHandlerCompleted() throws Exception {
        start(true, Duration.ofSeconds(10), 16);
        AtomicBoolean handlerDone = new AtomicBoolean();
        CompletableFuture<Boolean> doneWhenAnswered = send("msg_1").thenApply(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            return handlerDone.get();
        });

        Call call = nextCall();
        assertThat(doneWhenAnswered).isNotDone();
        handlerDone.set(true);
        call.stage().complete(null);

        assertThat(doneWhenAnswered.get(10, TimeUnit.SECONDS)).as("handler done before the 200").isTrue();
        // Remembered once handled: the redelivery is answered without a second handler call.
        assertThat(send("msg_1").get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(calls).isEmpty();
    }

    @Test
    void aFailedHandlerIs503WithRetryAfterAndTheRedeliveryIsHandledAgain() throws Exception {
        start(true, Duration.ofSeconds(10), 16);
        CompletableFuture<HttpResponse<String>> response = send("msg_fail");

        nextCall().stage().completeExceptionally(new IllegalStateException("topic unavailable"));

        HttpResponse<String> answer = response.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("7");
        assertThat(answer.body()).doesNotContain("topic unavailable");
        CompletableFuture<HttpResponse<String>> again = send("msg_fail");
        nextCall().stage().complete(null);
        assertThat(again.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void aHandlerPastTheHandlerTimeoutIs503WithRetryAfter() throws Exception {
        start(true, Duration.ofMillis(300), 16);
        CompletableFuture<HttpResponse<String>> response = send("msg_slow");

        Call call = nextCall();                                    // never completed in time
        HttpResponse<String> answer = response.get(10, TimeUnit.SECONDS);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("7");
        assertThat(answer.body()).contains("did not finish within");
        assertThat(call.stage()).isNotDone();
    }

    @Test
    void noContainerThreadWaitsWhileHandlersRun() throws Exception {
        // 8 threads: one acceptor, one selector, six for requests. A thread parked per waiting
        // delivery would stop reading new ones after six; all twenty must reach their handler.
        start(true, Duration.ofSeconds(30), 8);
        int deliveries = 20;
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            responses.add(send("msg_many_" + i));
        }
        List<Call> waiting = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            waiting.add(nextCall());
        }
        assertThat(responses).noneMatch(CompletableFuture::isDone);

        waiting.forEach(call -> call.stage().complete(null));

        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theAsyncTimeoutCoversTheHandlerTimeout() {
        WebhookReceiver receiver = WebhookReceiver.builder()
                .endpoint(WebhookEndpoint.builder("/h", WebhookVerifier.builder(SignatureScheme.standardWebhooks())
                        .keyring(Keyring.of(SECRET)).build()).handler(event -> { }).build())
                .acknowledge(Acknowledgement.AFTER_HANDLER).handlerTimeout(Duration.ofSeconds(30)).build();

        assertThat(AsyncBodyReader.containerTimeout(receiver, Duration.ofSeconds(10)))
                .isEqualTo(Duration.ofSeconds(40).plus(AsyncBodyReader.WRITE_GRACE));
    }

    @Test
    void withoutAsyncSupportTheRequestThreadWaitsForTheHandler() throws Exception {
        start(false, Duration.ofSeconds(10), 16);
        AtomicBoolean handlerDone = new AtomicBoolean();
        CompletableFuture<Boolean> doneWhenAnswered = send("msg_sync").thenApply(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            return handlerDone.get();
        });

        Call call = nextCall();
        handlerDone.set(true);
        call.stage().complete(null);

        assertThat(doneWhenAnswered.get(10, TimeUnit.SECONDS)).isTrue();
    }

    private static String whsec() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return "whsec_" + Base64.getEncoder().encodeToString(raw);
    }
}
