package dev.inlet.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Headers;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookReceiver;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookSigner;
import dev.inlet.webhooks.verify.WebhookVerifier;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A webhook delivery is a SERVER span continuing the sender's trace, and its handler run a span in that trace. */
class WebhookTracingTest {

    static final String SENDER_TRACE = "0af7651916cd43dd8448eb211c80319c";
    static final String SENDER_SPAN = "b7ad6b7169203331";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
            .build();
    private final String secret = secret();
    private WebhookReceiver receiver;

    private static String secret() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return "whsec_" + Base64.getEncoder().encodeToString(raw);
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
        otel.close();
    }

    private WebhookRequest delivery(String id, Headers extra) {
        WebhookSigner signer = WebhookSigner.builder(SignatureScheme.standardWebhooks()).secret(secret).build();
        Headers headers = Headers.of("webhook-id", id);
        for (String name : extra.names()) {
            headers = headers.with(name, extra.first(name).orElseThrow());
        }
        return signer.sign(WebhookRequest.post("https://r.example/hooks", headers,
                "{\"type\":\"user.created\"}".getBytes(StandardCharsets.UTF_8)));
    }

    private List<SpanData> awaitSpans(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (exporter.getFinishedSpanItems().size() < count) {
            assertThat(System.nanoTime()).as("waited for " + count + " spans").isLessThan(deadline);
            Thread.onSpinWait();
        }
        return exporter.getFinishedSpanItems();
    }

    @Test
    void aDeliveryWithATraceparentContinuesTheSendersTrace() throws Exception {
        WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(secret).build();
        receiver = WebhookReceiver.builder().endpoint(WebhookEndpoint.builder("/hooks", verifier).handler(e -> { }).build())
                .listener(InletTracing.of(otel)).build();
        receiver.start();

        receiver.handle(delivery("msg_1", Headers.of("traceparent", "00-" + SENDER_TRACE + "-" + SENDER_SPAN + "-01")));
        receiver.handle(delivery("msg_2", Headers.empty()));
        List<SpanData> spans = awaitSpans(4);

        List<SpanData> servers = spans.stream().filter(s -> s.getKind() == SpanKind.SERVER).toList();
        assertThat(servers).hasSize(2).allSatisfy(s -> {
            assertThat(s.getName()).isEqualTo("POST /hooks");
            assertThat(s.getAttributes().get(AttributeKey.stringKey("http.route"))).isEqualTo("/hooks");
            assertThat(s.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200);
            assertThat(s.getAttributes().get(AttributeKey.stringKey("inlet.webhook.outcome"))).isEqualTo("accepted");
        });
        assertThat(servers.get(0).getTraceId()).isEqualTo(SENDER_TRACE);
        assertThat(servers.get(0).getParentSpanId()).isEqualTo(SENDER_SPAN);
        assertThat(servers.get(1).getTraceId()).as("no traceparent: a new trace").isNotEqualTo(SENDER_TRACE);
        assertThat(servers.get(1).getParentSpanContext().isValid()).isFalse();

        List<SpanData> handlers = spans.stream().filter(s -> s.getKind() == SpanKind.CONSUMER).toList();
        assertThat(handlers).hasSize(2).anySatisfy(h -> assertThat(h.getTraceId()).isEqualTo(SENDER_TRACE))
                .allSatisfy(h -> assertThat(h.getAttributes().get(AttributeKey.stringKey("inlet.webhook.event_type")))
                        .isEqualTo("user.created"));
    }

    @Test
    void aRefusedDeliveryIsAServerSpanWithItsReason() throws Exception {
        WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(secret).build();
        receiver = WebhookReceiver.builder().endpoint(WebhookEndpoint.builder("/hooks", verifier).handler(e -> { }).build())
                .listener(InletTracing.of(otel)).build();
        receiver.start();

        receiver.handle(WebhookRequest.post("https://r.example/hooks", Headers.of("webhook-id", "msg_1"),
                "{}".getBytes(StandardCharsets.UTF_8)));

        SpanData span = awaitSpans(1).get(0);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("inlet.webhook.outcome"))).isEqualTo("refused");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("inlet.webhook.reason"))).isEqualTo("MISSING_HEADER");
        assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(400);
    }
}
