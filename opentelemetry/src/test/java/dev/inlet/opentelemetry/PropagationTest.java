package dev.inlet.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Secret;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Interceptor;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.testing.LoopbackServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code traceparent} goes where the caller's other headers go: to every hop of an allowed
 * redirect (naming that hop's own span), never with the credentials that stay on their origin; and
 * calls outside a run are children of the caller's current span.
 */
class PropagationTest {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
            .build();
    private final InletTracing tracing = InletTracing.of(otel);
    private final LoopbackServer home = LoopbackServer.start();
    private final LoopbackServer elsewhere = LoopbackServer.start();
    private final Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        home.close();
        elsewhere.close();
        otel.close();
    }

    private static Map<String, String> headersOf(com.sun.net.httpserver.HttpExchange exchange) {
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        return headers;
    }

    @Test
    void theTraceContextCrossesAnAllowedRedirectAsTheCallersOtherHeadersDoAndCredentialsDoNot() throws Exception {
        home.route("/start", exchange -> {
            seen.put("home", headersOf(exchange));
            exchange.getResponseHeaders().set("Location", elsewhere.baseUrl() + "/land");
            exchange.sendResponseHeaders(302, -1);
        });
        elsewhere.route("/land", exchange -> {
            seen.put("elsewhere", headersOf(exchange));
            LoopbackServer.write(LoopbackServer.ok(exchange, "text/plain", null), "ok");
        });
        Interceptor custom = chain -> chain.proceed(chain.request().toBuilder().header("X-Custom", "yes").build());
        HttpPipeline pipeline = HttpPipeline.builder().listener(tracing).addInterceptor(custom)
                .addInterceptor(tracing.propagation()).allowRedirectsTo(Origin.of(elsewhere.baseUrl()))
                .credentials(Credentials.basic(Origin.of(home.baseUrl()), "jane", Secret.of("p4ss-s3cret"))).build();

        Span caller = otel.getTracer("test").spanBuilder("caller").startSpan();
        try (Scope ignored = caller.makeCurrent();
                Response response = pipeline.send(Request.builder(home.baseUrl() + "/start").get().build())) {
            assertThat(response.status()).isEqualTo(200);
        } finally {
            caller.end();
        }

        Map<String, String> atHome = seen.get("home");
        Map<String, String> atElsewhere = seen.get("elsewhere");
        assertThat(atHome).containsKeys("traceparent", "x-custom", "authorization");
        assertThat(atElsewhere).containsKeys("traceparent", "x-custom").doesNotContainKey("authorization");
        assertThat(atElsewhere.get("traceparent")).isNotEqualTo(atHome.get("traceparent"));

        List<SpanData> attempts = exporter.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CLIENT)
                .toList();
        assertThat(attempts).hasSize(2).allSatisfy(a -> {
            assertThat(a.getParentSpanId()).as("outside a run: under the caller's span")
                    .isEqualTo(caller.getSpanContext().getSpanId());
            assertThat(List.of(atHome.get("traceparent"), atElsewhere.get("traceparent")))
                    .anySatisfy(header -> assertThat(header).contains(a.getSpanId()));
        });
    }

    @Test
    void withoutTheListenerTheInterceptorStillEndsTheSpansItStarts() throws Exception {
        home.route("/ping", exchange -> LoopbackServer.write(LoopbackServer.ok(exchange, "text/plain", null), "ok"));
        HttpPipeline pipeline = HttpPipeline.builder().addInterceptor(tracing.propagation()).build();

        try (Response response = pipeline.send(Request.builder(home.baseUrl() + "/ping").get().build())) {
            assertThat(response.status()).isEqualTo(200);
        }

        assertThat(exporter.getFinishedSpanItems()).hasSize(1).first()
                .satisfies(s -> assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT));
    }
}
