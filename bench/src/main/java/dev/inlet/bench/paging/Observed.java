package dev.inlet.bench.paging;

import dev.inlet.core.InletListener;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.micrometer.InletMetrics;
import dev.inlet.opentelemetry.InletTracing;
import dev.inlet.rest.RestConnector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;

/**
 * A connector as a production application observes it: Micrometer metrics (a simple registry) and
 * OpenTelemetry traces (the SDK with the batch processor its autoconfiguration uses, exporting to
 * nowhere) as listeners, and the trace-context interceptor on the pipeline. What this costs over the
 * plain connector is the observability overhead row of the paging benchmark.
 */
final class Observed {

    private Observed() {
    }

    static void observe(RestConnector.Builder builder) {
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(new Discarding()).build()).build()).build();
        InletTracing tracing = InletTracing.of(otel);
        // -Dinlet.bench.observe=metrics|tracing|propagation|pipeline|all (default all) measures one part at a time.
        String part = System.getProperty("inlet.bench.observe", "all");
        List<InletListener> listeners = switch (part) {
            case "metrics" -> List.of(InletMetrics.of(new SimpleMeterRegistry()));
            case "tracing" -> List.of(tracing);
            case "propagation", "pipeline" -> List.of();
            default -> List.of(InletMetrics.of(new SimpleMeterRegistry()), tracing);
        };
        if (!listeners.isEmpty()) {
            builder.listener(InletListener.all(listeners));
        }
        if (part.equals("pipeline")) {
            builder.pipeline(HttpPipeline.builder().build()); // a pipeline of its own, nothing added
        } else if (part.equals("all") || part.equals("propagation") || part.equals("tracing")) {
            builder.pipeline(HttpPipeline.builder().addInterceptor(tracing.propagation()).build());
        }
    }

    /** Exports spans to nowhere, so the measurement is Inlet's and the SDK's, not a collector's. */
    private static final class Discarding implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
