package dev.inlet.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.InletListener;
import dev.inlet.core.RunContext;
import dev.inlet.core.Secret;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Origin;
import dev.inlet.core.testing.LoopbackServer;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * A run over loopback HTTP — two pages, the first retried after a 503, an API key in the query and
 * Basic credentials — becomes one run span, two page spans and three attempt spans, each attempt's
 * {@code traceparent} reaching the server; no secret in any attribute or in the MDC.
 */
class TracingOverHttpTest {

    static final String KEY = "k3y-s3cret/+=";
    static final String PASSWORD = "p4ss-s3cret";
    static final String BASIC = Base64.getEncoder().encodeToString(("jane:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
            .build();
    private final InletTracing tracing = InletTracing.of(otel);
    private final LoopbackServer server = LoopbackServer.start();
    private final List<String> traceparents = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
        otel.close();
    }

    static void assertNoSecret(String where, String value) {
        assertThat(value).as(where).doesNotContain(KEY).doesNotContain(URLEncoder.encode(KEY, StandardCharsets.UTF_8))
                .doesNotContain(PASSWORD).doesNotContain(BASIC);
    }

    @Test
    void aRunIsOneRunSpanWithAPageSpanPerPageAndAnAttemptSpanPerAttempt() {
        AtomicInteger calls = new AtomicInteger();
        server.route("/v1/items", exchange -> {
            traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            int call = calls.incrementAndGet();
            if (call == 1) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            boolean first = exchange.getRequestURI().getQuery().contains("page=1") || call == 2;
            if (first) {
                exchange.getResponseHeaders().set("Link", "<" + server.baseUrl() + "/v1/items?page=2>; rel=\"next\"");
            }
            LoopbackServer.write(LoopbackServer.ok(exchange, "application/json", null),
                    first ? "[{\"n\":1},{\"n\":2}]" : "[{\"n\":3}]");
        });
        List<Map<String, String>> mdcAtRequests = new ArrayList<>();
        InletListener mdcSpy = new InletListener() {
            @Override
            public void requestSent(RequestSent event) {
                mdcAtRequests.add(MDC.getCopyOfContextMap());
            }
        };
        Origin origin = Origin.of(server.baseUrl());
        Connector<JsonNode> connector = RestConnector.builder("crm").baseUrl(server.baseUrl()).path("/v1/items")
                .query("page", "1").paginator(Paginators.linkHeader())
                .listener(InletListener.all(List.of(tracing, mdcSpy)))
                .pipeline(HttpPipeline.builder().sleeper(wait -> { }).addInterceptor(tracing.propagation()).build())
                .credentials(Credentials.all(Credentials.apiKeyQuery(origin, "api_key", Secret.of(KEY)),
                        Credentials.basic(origin, "jane", Secret.of(PASSWORD))))
                .build();

        String runId;
        try (ConnectorRun<JsonNode> run = connector.open()) {
            runId = run.id();
            assertThat(run.records().count()).isEqualTo(3);
        }

        List<SpanData> spans = exporter.getFinishedSpanItems();
        SpanData runSpan = only(spans, "inlet.run crm");
        assertThat(runSpan.getAttributes().get(AttributeKey.stringKey("inlet.run_id"))).isEqualTo(runId);
        assertThat(runSpan.getAttributes().get(AttributeKey.longKey("inlet.run.records"))).isEqualTo(3);
        List<SpanData> pages = spans.stream().filter(s -> s.getName().equals("inlet.page crm")).toList();
        assertThat(pages).hasSize(2).allSatisfy(p -> assertThat(p.getParentSpanId()).isEqualTo(runSpan.getSpanId()));
        List<SpanData> attempts = spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
        assertThat(attempts).hasSize(3).allSatisfy(a -> {
            assertThat(a.getName()).isEqualTo("GET");
            assertThat(a.getTraceId()).isEqualTo(runSpan.getTraceId());
            assertThat(a.getAttributes().get(AttributeKey.stringKey("server.address"))).isEqualTo("127.0.0.1");
            assertThat(a.getAttributes().get(AttributeKey.stringKey("url.full"))).startsWith(server.baseUrl() + "/v1/items?");
        });
        SpanData firstPage = pages.stream().filter(p -> p.getAttributes()
                .get(AttributeKey.longKey("inlet.page.index")) == 0).findFirst().orElseThrow();
        List<SpanData> firstPageAttempts = attempts.stream()
                .filter(a -> a.getParentSpanId().equals(firstPage.getSpanId())).toList();
        assertThat(firstPageAttempts).as("the retry is a second attempt under the same page").hasSize(2);
        assertThat(firstPageAttempts.get(0).getAttributes().get(AttributeKey.longKey("http.response.status_code")))
                .isEqualTo(503);
        assertThat(firstPageAttempts.get(0).getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("503");
        assertThat(firstPageAttempts.get(1).getAttributes().get(AttributeKey.longKey("http.request.resend_count")))
                .isEqualTo(1);

        assertThat(traceparents).hasSize(3);
        assertThat(traceparents).as("each attempt sends its own span as the parent")
                .map(header -> header.substring(0, 3 + 32 + 1 + 16))
                .containsExactlyInAnyOrderElementsOf(attempts.stream()
                        .map(a -> "00-" + a.getTraceId() + "-" + a.getSpanId()).toList());

        spans.forEach(s -> s.getAttributes().forEach((k, v) -> assertNoSecret(s.getName() + " " + k, String.valueOf(v))));
        assertThat(mdcAtRequests).hasSize(3).allSatisfy(mdc -> {
            assertThat(mdc).containsEntry(RunContext.MDC_RUN_ID, runId).containsEntry(RunContext.MDC_CONNECTOR, "crm");
            mdc.values().forEach(v -> assertNoSecret("MDC", v));
        });
        assertThat(MDC.get(RunContext.MDC_RUN_ID)).as("cleared after the run").isNull();
    }

    @Test
    void userInfoInAUrlIsRedacted() {
        assertThat(SafeUrls.full("https://jane:" + PASSWORD + "@api.example.com/v1?x=1#frag"))
                .isEqualTo("https://REDACTED:REDACTED@api.example.com/v1?x=1");
        assertThat(SafeUrls.full("https://api.example.com/v1?email=a@b.c")).isEqualTo("https://api.example.com/v1?email=a@b.c");
    }

    private static SpanData only(List<SpanData> spans, String name) {
        List<SpanData> named = spans.stream().filter(s -> s.getName().equals(name)).toList();
        assertThat(named).as(name).hasSize(1);
        return named.get(0);
    }
}
