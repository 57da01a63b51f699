package dev.inlet.opentelemetry;

import dev.inlet.core.InletListener;
import dev.inlet.core.RunContext;
import dev.inlet.core.RunReport;
import dev.inlet.core.RunWarning;
import dev.inlet.core.http.Interceptor;
import dev.inlet.webhooks.receiver.WebhookListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Traces what connectors, the request pipeline and webhook receivers do with OpenTelemetry: give it to
 * a connector or pipeline as its {@link InletListener}, to a receiver as its {@link WebhookListener},
 * and add {@link #propagation()} to the pipeline's interceptors to send the trace context along.
 *
 * <p>Spans: one per connector run ({@code inlet.run <connector>}, a child of the span current when
 * the run was opened), one per page under it ({@code inlet.page <connector>}), one CLIENT span per
 * HTTP attempt under the page (named by the method, with the HTTP client semantic conventions:
 * {@code http.request.method}, {@code url.full}, {@code server.address}, {@code server.port},
 * {@code http.response.status_code}, {@code error.type}, {@code http.request.resend_count}), so retries
 * are sibling attempt spans of one page. Calls made outside a run are children of the current span.
 * Each webhook delivery is a SERVER span continuing the sender's trace when its request carried a
 * {@code traceparent}; each handler run is a span in the same trace. The layout is in
 * {@code docs/observability.md}.
 *
 * <p>No secret reaches a span: URLs are the events' masked ones, with user info redacted; no header,
 * body or query value is recorded. Thread-safe. The instrumentation scope is {@code dev.inlet}.
 *
 * <p>A run's span ends when the run ends (read to its end, failed or closed): close runs you stop
 * reading early, or their spans stay open and held here.
 */
public final class InletTracing implements InletListener, WebhookListener {

    static final String SCOPE = "dev.inlet";
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> URL = AttributeKey.stringKey("url.full");
    private static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<Long> RESEND = AttributeKey.longKey("http.request.resend_count");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<String> CONNECTOR = AttributeKey.stringKey("inlet.connector");
    private static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("inlet.run_id");
    private static final AttributeKey<String> EXCHANGE_ID = AttributeKey.stringKey("inlet.exchange_id");
    private static final AttributeKey<String> STATE_NAME = AttributeKey.stringKey("inlet.state.name");
    // Keys of the per-page attributes made once: setAttribute(String, long) makes a new key on every call.
    private static final AttributeKey<Long> PAGE_INDEX = AttributeKey.longKey("inlet.page.index");
    private static final AttributeKey<Long> PAGE_RECORDS = AttributeKey.longKey("inlet.page.records");
    private static final AttributeKey<Long> PAGE_REJECTED = AttributeKey.longKey("inlet.page.rejected");
    private static final AttributeKey<Boolean> PAGE_LAST = AttributeKey.booleanKey("inlet.page.last");
    /** How many ended runs keep their context for the state commit that follows their end. */
    private static final int FINISHED_RUNS_KEPT = 1_024;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
            "TRACE", "PATCH");
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key.toLowerCase(Locale.ROOT));
        }
    };

    private final Tracer tracer;
    private final Map<String, Span> runs = new ConcurrentHashMap<>();
    private final Map<String, Span> pages = new ConcurrentHashMap<>();
    private final Map<String, SpanContext> finished = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SpanContext> eldest) {
                    return size() > FINISHED_RUNS_KEPT;
                }
            });
    /** The attempt span sent and not yet answered on this thread (exchange events arrive on the caller's thread). */
    private final ThreadLocal<Span> attempt = new ThreadLocal<>();
    /** The attempt span the propagation interceptor started, waiting for the listener's requestSent. */
    private final ThreadLocal<Span> prepared = new ThreadLocal<>();
    private final Interceptor propagation = new TraceContextInterceptor(this);

    private InletTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(SCOPE);
    }

    /** Tracing with this OpenTelemetry's tracer provider. */
    public static InletTracing of(OpenTelemetry openTelemetry) {
        return new InletTracing(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    }

    /**
     * The interceptor that sends the W3C {@code traceparent} (and {@code tracestate}) of each attempt's
     * span with the attempt; add it with {@code HttpPipeline.Builder.addInterceptor}. It uses the W3C
     * format whatever propagators the {@code OpenTelemetry} has. Like every caller interceptor it runs
     * per attempt and per redirect hop, so its span also covers the attempt's rate-limit wait.
     */
    public Interceptor propagation() {
        return propagation;
    }

    // ---- runs and pages -------------------------------------------------------------------------

    @Override
    public void runStarted(RunStarted event) {
        Span span = tracer.spanBuilder("inlet.run " + event.connector()).setSpanKind(SpanKind.INTERNAL)
                .setAttribute(CONNECTOR, event.connector()).setAttribute(RUN_ID, event.runId()).startSpan();
        runs.put(event.runId(), span);
    }

    @Override
    public void pageStarted(PageStarted event) {
        Span run = runs.get(event.runId());
        Context parent = run == null ? Context.current() : Context.current().with(run);
        Span span = tracer.spanBuilder("inlet.page " + event.connector()).setParent(parent)
                .setSpanKind(SpanKind.INTERNAL).setAttribute(CONNECTOR, event.connector())
                .setAttribute(RUN_ID, event.runId()).setAttribute(PAGE_INDEX, (long) event.position().pageIndex())
                .startSpan();
        Span unfinished = pages.put(event.runId(), span);
        if (unfinished != null) {
            unfinished.end();
        }
    }

    @Override
    public void pageDone(PageDone event) {
        Span span = pages.remove(event.runId());
        if (span != null) {
            span.setAttribute(PAGE_RECORDS, (long) event.records());
            span.setAttribute(PAGE_REJECTED, (long) event.rejected());
            span.setAttribute(PAGE_LAST, event.next().isEmpty());
            span.end();
        }
    }

    @Override
    public void warning(RunWarning event) {
        RunContext.current().map(run -> runs.get(run.runId())).ifPresent(span -> span.addEvent("inlet.warning",
                Attributes.of(AttributeKey.stringKey("inlet.warning.kind"), event.kind())));
    }

    /**
     * A state commit becomes a short span under its run. The last commit of a completed run comes
     * after the run's span has ended (the run ends when its last page is read; the state is written
     * after that page's records are delivered), so the run's context is kept for a while after it ends.
     */
    @Override
    public void stateCommitted(StateCommitted event) {
        Span run = runs.get(event.runId());
        SpanContext parent = run != null ? run.getSpanContext() : finished.get(event.runId());
        Instant end = Instant.now();
        Span span = tracer.spanBuilder("inlet.state.commit")
                .setParent(parent == null ? Context.root() : Context.root().with(Span.wrap(parent)))
                .setSpanKind(SpanKind.INTERNAL).setStartTimestamp(end.minus(event.elapsed()))
                .setAttribute(CONNECTOR, event.connector()).setAttribute(RUN_ID, event.runId())
                .setAttribute(STATE_NAME, event.state()).startSpan();
        if (!event.succeeded()) {
            span.setStatus(StatusCode.ERROR, "the state store failed");
        }
        span.end(end);
    }

    @Override
    public void runFinished(RunFinished event) {
        Span page = pages.remove(event.runId());
        RunReport report = event.report();
        if (page != null) {
            page.setStatus(StatusCode.ERROR);
            page.end();
        }
        Span run = runs.remove(event.runId());
        if (run == null) {
            return;
        }
        run.setAttribute("inlet.run.pages", report.pages());
        run.setAttribute("inlet.run.records", report.valid());
        run.setAttribute("inlet.run.rejected", report.rejected());
        run.setAttribute("inlet.run.retries", report.retries());
        run.setAttribute("inlet.run.completed", report.completed());
        report.failure().ifPresent(failure -> run.setStatus(StatusCode.ERROR, failure));
        run.end();
        finished.put(event.runId(), run.getSpanContext());
    }

    // ---- HTTP attempts --------------------------------------------------------------------------

    /** Starts an attempt's span before the request is sent, for the propagation interceptor. */
    Span prepareAttempt(String method) {
        Span span = startAttempt(method);
        Span stale = prepared.get();
        if (stale != null) {
            stale.end();
        }
        prepared.set(span);
        return span;
    }

    /** Takes back a prepared span no listener adopted; false if it was adopted (or is not this thread's). */
    boolean abandonPrepared(Span span) {
        if (prepared.get() != span) {
            return false;
        }
        prepared.set(null);
        return true;
    }

    private Span startAttempt(String method) {
        return tracer.spanBuilder(method(method)).setSpanKind(SpanKind.CLIENT).setParent(exchangeParent())
                .startSpan();
    }

    /** An exchange of a run belongs under the run's current page; any other under the current span. */
    private Context exchangeParent() {
        Optional<RunContext> run = RunContext.current();
        if (run.isPresent()) {
            String runId = run.get().runId();
            Span parent = pages.get(runId);
            if (parent == null) {
                parent = runs.get(runId);
            }
            if (parent != null) {
                return Context.current().with(parent);
            }
        }
        return Context.current();
    }

    private static String method(String method) {
        if (METHODS.contains(method)) {
            return method; // already upper case, as the pipeline's requests are: no copy per request
        }
        String upper = method.toUpperCase(Locale.ROOT);
        return METHODS.contains(upper) ? upper : "_OTHER";
    }

    @Override
    public void requestSent(RequestSent event) {
        Span span = prepared.get();
        if (span == null) {
            span = startAttempt(event.method());
        } else {
            prepared.set(null); // not remove(): re-creating the thread's entry on every request costs more
        }
        span.setAttribute(METHOD, method(event.method()));
        span.setAttribute(URL, SafeUrls.full(event.url()));
        Optional<SafeUrls.Server> server = SafeUrls.server(event.url());
        if (server.isPresent()) {
            span.setAttribute(SERVER, server.get().host());
            span.setAttribute(PORT, server.get().port());
        }
        if (event.attempt() > 1) {
            span.setAttribute(RESEND, (long) event.attempt() - 1);
        }
        if (!event.connector().isEmpty()) {
            span.setAttribute(CONNECTOR, event.connector());
        }
        span.setAttribute(EXCHANGE_ID, event.exchangeId());
        Optional<RunContext> run = RunContext.current();
        if (run.isPresent()) {
            span.setAttribute(RUN_ID, run.get().runId());
        }
        Span unanswered = attempt.get();
        if (unanswered != null) {
            unanswered.end();
        }
        attempt.set(span);
    }

    @Override
    public void responseReceived(ResponseReceived event) {
        Span span = attempt.get();
        if (span == null) {
            return;
        }
        attempt.set(null);
        span.setAttribute(STATUS, (long) event.status());
        if (event.status() >= 400) {
            span.setAttribute(ERROR_TYPE, Integer.toString(event.status()));
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
        Span span = attempt.get();
        if (span != null) {
            // No response arrived (a transport failure): the attempt ends with the failure's type.
            attempt.set(null);
            span.setAttribute(ERROR_TYPE, failureType(event.reason()));
            span.setStatus(StatusCode.ERROR);
            span.end();
        }
    }

    @Override
    public void rateLimited(RateLimited event) {
        Span.fromContext(exchangeParent()).addEvent("inlet.rate_limited",
                Attributes.of(AttributeKey.longKey("inlet.wait_ms"), event.delay().toMillis()));
    }

    @Override
    public void callFailed(CallFailed event) {
        Span span = attempt.get();
        if (span != null) {
            attempt.remove();
            span.setAttribute(ERROR_TYPE, event.exceptionType());
            span.setStatus(StatusCode.ERROR);
            span.end();
        }
        RunContext.current().map(run -> pages.get(run.runId())).ifPresent(page -> {
            page.setAttribute(ERROR_TYPE, event.exceptionType());
            page.setStatus(StatusCode.ERROR);
        });
    }

    /** The exception's simple name from a retry's reason ({@code "TransportException: …"}). */
    private static String failureType(String reason) {
        int colon = reason.indexOf(':');
        String type = colon > 0 ? reason.substring(0, colon) : "";
        return type.matches("[A-Za-z][A-Za-z0-9]*") ? type : "_OTHER";
    }

    // ---- webhooks -------------------------------------------------------------------------------

    @Override
    public void deliveryAnswered(Delivery event) {
        Context sender = W3CTraceContextPropagator.getInstance().extract(Context.root(), event.traceContext(), GETTER);
        String method = method(event.method());
        Span span = tracer.spanBuilder(event.endpoint().isEmpty() ? method : method + " " + event.endpoint())
                .setParent(sender).setSpanKind(SpanKind.SERVER)
                .setStartTimestamp(event.receivedAt())
                .setAttribute(METHOD, method).setAttribute(STATUS, (long) event.status())
                .setAttribute("inlet.webhook.outcome", event.outcome().name().toLowerCase(Locale.ROOT))
                .setAttribute("inlet.webhook.reason", event.reason()).startSpan();
        if (!event.endpoint().isEmpty()) {
            span.setAttribute(ROUTE, event.endpoint());
        }
        if (event.status() >= 500) {
            span.setAttribute(ERROR_TYPE, Integer.toString(event.status()));
            span.setStatus(StatusCode.ERROR);
        }
        span.end(event.receivedAt().plus(event.elapsed()));
    }

    @Override
    public void eventHandled(Handled event) {
        Context sender = W3CTraceContextPropagator.getInstance().extract(Context.root(), event.traceContext(), GETTER);
        Instant end = Instant.now();
        Span span = tracer.spanBuilder("inlet.webhook.handle " + event.endpoint()).setParent(sender)
                .setSpanKind(SpanKind.CONSUMER).setStartTimestamp(end.minus(event.handlerTime()))
                .setAttribute(ROUTE, event.endpoint()).setAttribute("inlet.webhook.attempts", event.attempts())
                .setAttribute("inlet.webhook.dead_lettered", event.deadLettered()).startSpan();
        event.eventType().ifPresent(type -> span.setAttribute("inlet.webhook.event_type", type));
        if (event.deadLettered()) {
            span.setStatus(StatusCode.ERROR, "dead-lettered after " + event.attempts() + " attempt(s)");
        }
        span.end(end);
    }

    @Override
    public String toString() {
        return "InletTracing[" + runs.size() + " open run(s)]";
    }
}
