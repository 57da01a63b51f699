package dev.inlet.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Headers;
import dev.inlet.webhooks.verify.Keyring;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookEvent;
import dev.inlet.webhooks.receiver.WebhookReceiver;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookSigner;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The servlet adapter in an embedded Jetty 12 (ee10) on an ephemeral loopback port. */
class WebhookServletTest {

    private static final int MAX_BODY = 1024;
    private static final String SECRET = whsec();

    private final BlockingQueue<WebhookEvent> events = new LinkedBlockingQueue<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final WebhookSigner signer = WebhookSigner.builder(SignatureScheme.standardWebhooks())
            .keyring(Keyring.of(SECRET)).build();
    private volatile CountDownLatch handlerGate = new CountDownLatch(0);
    private Server jetty;
    private WebhookReceiver receiver;
    private int port;

    @AfterEach
    void stop() throws Exception {
        handlerGate.countDown();
        if (jetty != null) {
            jetty.stop();
        }
    }

    private void start(boolean async, Duration readTimeout) throws Exception {
        WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks())
                .keyring(Keyring.of(SECRET)).maxBodyBytes(MAX_BODY).build();
        receiver = WebhookReceiver.builder()
                .endpoint(WebhookEndpoint.builder("/hooks/orders", verifier).handler(event -> {
                    handlerGate.await();
                    events.add(event);
                }).build())
                .workers(1)                  // events are handled in acceptance order
                .drainTimeout(Duration.ofSeconds(2))
                .build();
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/app");
        ServletHolder holder = new ServletHolder(WebhookServlet.builder(receiver).readTimeout(readTimeout).build());
        holder.setAsyncSupported(async);
        context.addServlet(holder, "/hooks/*");
        jetty.setHandler(context);
        jetty.start();
        port = connector.getLocalPort();
    }

    private WebhookRequest signed(String id, byte[] body) {
        return signer.sign(WebhookRequest.post(url(), Headers.of("webhook-id", id), body));
    }

    private String url() {
        return "http://127.0.0.1:" + port + "/app/hooks/orders";
    }

    private HttpResponse<String> send(WebhookRequest request) throws IOException, InterruptedException {
        return send(request, HttpRequest.BodyPublishers.ofByteArray(request.body()));
    }

    private HttpResponse<String> send(WebhookRequest request, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(request.url())).timeout(Duration.ofSeconds(10))
                .POST(body);
        request.headers().forEach(http::header);
        return client.send(http.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Bytes that are not UTF-8 and whitespace a re-encoding would change: the signature covers them exactly. */
    private static byte[] awkwardBody() {
        byte[] text = "  {\"type\" : \"order.paid\",\r\n\t\"amount\":\"10.00\" }  \n".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[text.length + 4];
        System.arraycopy(text, 0, body, 0, text.length);
        body[text.length] = (byte) 0xFF;
        body[text.length + 1] = (byte) 0xFE;
        body[text.length + 2] = (byte) 0xC3;
        body[text.length + 3] = 0;
        return body;
    }

    @Test
    void aSignedDeliveryIsAcceptedWithItsRawBodyExact() throws Exception {
        start(true, Duration.ofSeconds(10));
        byte[] body = awkwardBody();

        HttpResponse<String> response = send(signed("msg_1", body));

        assertThat(response.statusCode()).isEqualTo(200);
        WebhookEvent event = events.poll(5, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.body()).isEqualTo(body);
        assertThat(event.id()).contains("msg_1");
        assertThat(event.endpoint()).isEqualTo("/hooks/orders");
    }

    @Test
    void aChunkedBodyIsReadRawToo() throws Exception {
        start(true, Duration.ofSeconds(10));
        byte[] body = awkwardBody();
        WebhookRequest request = signed("msg_chunked", body);

        HttpResponse<String> response = send(request,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(events.poll(5, TimeUnit.SECONDS).body()).isEqualTo(body);
    }

    @Test
    void theBlockingPathAcceptsTheSameDelivery() throws Exception {
        start(false, Duration.ofSeconds(10));
        byte[] body = awkwardBody();

        HttpResponse<String> response = send(signed("msg_blocking", body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(events.poll(5, TimeUnit.SECONDS).body()).isEqualTo(body);
    }

    @Test
    void aForgedDeliveryIsRefusedWith401AndNeverHandled() throws Exception {
        start(true, Duration.ofSeconds(10));
        WebhookRequest genuine = signed("msg_forged", "{\"amount\":\"10.00\"}".getBytes(StandardCharsets.UTF_8));
        WebhookRequest forged = WebhookRequest.of("POST", genuine.url(), genuine.headers(),
                "{\"amount\":\"99.00\"}".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = send(forged);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).startsWith("NO_MATCHING_SIGNATURE");
        assertThat(events).isEmpty();
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413() throws Exception {
        start(true, Duration.ofSeconds(10));

        HttpResponse<String> response = send(signed("msg_big", new byte[MAX_BODY + 1]));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("BODY_TOO_LARGE").contains("limit is " + MAX_BODY);
        assertThat(events).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        start(true, Duration.ofSeconds(10));
        byte[] body = new byte[4 * MAX_BODY];
        WebhookRequest request = signed("msg_big_chunked", body);

        HttpResponse<String> response = send(request,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("more than " + MAX_BODY);
        assertThat(events).isEmpty();
    }

    @Test
    void aRedeliveryIsAcknowledgedButHandledOnce() throws Exception {
        start(true, Duration.ofSeconds(10));
        WebhookRequest request = signed("msg_dup", "{\"n\":1}".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> first = send(request);
        HttpResponse<String> second = send(request);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(events.poll(5, TimeUnit.SECONDS)).isNotNull();
        WebhookRequest other = signed("msg_after", "{\"n\":2}".getBytes(StandardCharsets.UTF_8));
        assertThat(send(other).statusCode()).isEqualTo(200);
        // Handled in order by one path: the next event is the later delivery, not the duplicate.
        assertThat(events.poll(5, TimeUnit.SECONDS).id()).contains("msg_after");
    }

    @Test
    void theSenderIsAcknowledgedBeforeTheHandlerRuns() throws Exception {
        handlerGate = new CountDownLatch(1);
        start(true, Duration.ofSeconds(10));

        HttpResponse<String> response = send(signed("msg_async", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(events).isEmpty();                       // the handler is still blocked
        handlerGate.countDown();
        assertThat(events.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void theServletStartsTheReceiverAndClosesItWhenTheContainerStops() throws Exception {
        start(true, Duration.ofSeconds(10));
        assertThat(receiver.isRunning()).isTrue();

        jetty.stop();

        assertThat(receiver.isRunning()).isFalse();
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        start(true, Duration.ofSeconds(10));
        WebhookRequest request = signer.sign(WebhookRequest.post("http://127.0.0.1:" + port + "/app/hooks/other",
                Headers.of("webhook-id", "msg_x"), new byte[] {'{', '}'}));

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("/hooks/other");
    }

    @Test
    void aBodyThatStallsIsAnsweredWith408() throws Exception {
        start(true, Duration.ofMillis(300));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /app/hooks/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"par")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 408");
        }
        assertThat(events).isEmpty();
    }

    private static String whsec() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return "whsec_" + Base64.getEncoder().encodeToString(raw);
    }
}
