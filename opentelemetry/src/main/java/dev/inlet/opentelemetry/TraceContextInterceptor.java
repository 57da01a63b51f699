package dev.inlet.opentelemetry;

import dev.inlet.core.http.Interceptor;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.io.IOException;

/**
 * Sends the W3C trace context ({@code traceparent}, {@code tracestate}) with every attempt: starts the
 * attempt's span here, so that the header names it, and hands it to {@link InletTracing}'s listener,
 * which adds the attempt's attributes and ends it. A caller interceptor, so it runs for every attempt
 * and every redirect hop, and reaches another origin exactly as the caller's other headers do:
 * only on a hop the pipeline allows, never with credentials. Thread-safe.
 */
final class TraceContextInterceptor implements Interceptor {

    private static final TextMapSetter<Request.Builder> SETTER = (carrier, key, value) -> {
        if (carrier != null) {
            carrier.header(key, value);
        }
    };

    private final InletTracing tracing;

    TraceContextInterceptor(InletTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Span span = tracing.prepareAttempt(request.method());
        Request.Builder withContext = request.toBuilder();
        W3CTraceContextPropagator.getInstance().inject(Context.current().with(span), withContext, SETTER);
        try {
            return chain.proceed(withContext.build());
        } catch (IOException | RuntimeException failure) {
            // Refused before it was sent (an open circuit, a rate limit too long): no listener adopted it.
            if (tracing.abandonPrepared(span)) {
                span.setAttribute(InletTracing.ERROR_TYPE, failure.getClass().getName());
                span.setStatus(StatusCode.ERROR);
                span.end();
            }
            throw failure;
        } finally {
            // Sent without InletTracing as the pipeline's listener: nobody else ends it.
            if (tracing.abandonPrepared(span)) {
                span.end();
            }
        }
    }

    @Override
    public String toString() {
        return "TraceContextInterceptor[W3C traceparent]";
    }
}
