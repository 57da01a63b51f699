package dev.inlet.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.Json;
import dev.inlet.core.state.Checkpointing;
import dev.inlet.core.state.InMemoryStateStore;
import dev.inlet.core.testing.ListPageSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every checkpoint of a run is a short span under the run's span, the one after its end included. */
class StateCommitTracingTest {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
            .build();

    @AfterEach
    void stop() {
        otel.close();
    }

    @Test
    void eachStateCommitIsASpanUnderItsRun() {
        List<List<JsonNode>> pages = IntStream.range(0, 3).mapToObj(p -> List.<JsonNode>of(
                Json.mapper().createObjectNode().put("id", "r" + p))).toList();
        Connector<JsonNode> connector = Connector.builder("orders", new ListPageSource(pages))
                .listener(InletTracing.of(otel)).build();

        Checkpointing.builder(connector, new InMemoryStateStore()).build().run(r -> { });

        List<SpanData> spans = exporter.getFinishedSpanItems();
        SpanData run = spans.stream().filter(s -> s.getName().equals("inlet.run orders")).findFirst().orElseThrow();
        List<SpanData> commits = spans.stream().filter(s -> s.getName().equals("inlet.state.commit")).toList();
        assertThat(commits).as("before the first page, after pages 1 and 2, at the end").hasSize(4).allSatisfy(c -> {
            assertThat(c.getTraceId()).isEqualTo(run.getTraceId());
            assertThat(c.getParentSpanId()).isEqualTo(run.getSpanId());
            assertThat(c.getAttributes().get(AttributeKey.stringKey("inlet.state.name"))).isEqualTo("orders");
            assertThat(c.getEndEpochNanos()).isGreaterThanOrEqualTo(c.getStartEpochNanos());
        });
    }
}
