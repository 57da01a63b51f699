package dev.inlet.micrometer;

import dev.inlet.core.InletListener;
import dev.inlet.core.RunReport;
import dev.inlet.core.RunWarning;
import dev.inlet.core.breaker.CircuitBreakers;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.UrlTemplate;
import dev.inlet.webhooks.receiver.WebhookListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records what connectors, the request pipeline and webhook receivers do as Micrometer meters: give
 * it to a connector or pipeline as its {@link InletListener} and to a receiver as its
 * {@link WebhookListener}. The meters, their tags and units are listed in {@code docs/observability.md};
 * all names start with {@code inlet.}.
 *
 * <p><b>Tags never carry a URL, an id or a secret.</b> An endpoint is its {@link UrlTemplate} (host
 * and path with ids replaced, no query), and every tag whose values come from outside Inlet's own
 * code (connector, endpoint, limiter, rule, warning kind, webhook endpoint, event type, retry cause)
 * keeps its first {@link Builder#maxTagValues(int)} distinct values; later ones are counted under
 * {@code other}.
 *
 * <p>Thread-safe; one instance may serve every connector and receiver of an application. Defaults:
 * 100 values per tag, no extra common tags.
 */
public final class InletMetrics implements InletListener, WebhookListener {

    private final MeterRegistry registry;
    private final Tags common;
    private final int maxTagValues;
    private final Map<String, TagValues> tagValues = new ConcurrentHashMap<>();
    private final AtomicInteger inboxDepth = new AtomicInteger();
    private final CircuitBreakers breakers;
    private final Set<String> watchedHosts = ConcurrentHashMap.newKeySet();
    /*
     * The per-request and per-page meters, looked up by their tag values rather than built and registered
     * per event: a builder, its tags and the registry's lookup cost more than the recording (found
     * profiling the observability overhead benchmark). The keys are bounded tag values, so the maps are
     * as bounded as the registry.
     */
    private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();
    private final Map<String, PageMeters> pageMeters = new ConcurrentHashMap<>();
    /** Endpoint templates by the URL before its query; cleared when full (ids in paths make it churn). */
    private final Map<String, String> templates = new ConcurrentHashMap<>();
    static final int MAX_CACHED_TEMPLATES = 1024;

    private record RequestKey(String connector, String endpoint, String method, String status) {
    }

    private record PageMeters(Timer duration, Counter delivered, Counter rejected) {
    }

    private InletMetrics(Builder builder) {
        this.registry = builder.registry;
        this.common = builder.common;
        this.maxTagValues = builder.maxTagValues;
        this.breakers = builder.breakers;
        Gauge.builder("inlet.webhook.inbox.depth", inboxDepth, AtomicInteger::get).tags(common)
                .description("Accepted webhook events waiting for or running in a handler, as last reported")
                .baseUnit("events").register(registry);
    }

    /** A builder recording into this registry. */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(registry);
    }

    /** Metrics into this registry with the defaults. */
    public static InletMetrics of(MeterRegistry registry) {
        return builder(registry).build();
    }

    private String bounded(String tag, String value) {
        TagValues values = tagValues.get(tag);
        if (values == null) {
            values = tagValues.computeIfAbsent(tag, t -> new TagValues(maxTagValues));
        }
        return values.admit(value == null ? "" : value);
    }

    private String connector(String name) {
        return bounded("connector", name.isEmpty() ? "none" : name);
    }

    private String endpoint(String maskedUrl) {
        int query = maskedUrl.indexOf('?');
        String beforeQuery = query < 0 ? maskedUrl : maskedUrl.substring(0, query);
        String template = templates.get(beforeQuery);
        if (template == null) {
            if (templates.size() >= MAX_CACHED_TEMPLATES) {
                templates.clear();
            }
            template = UrlTemplate.of(beforeQuery);
            templates.put(beforeQuery, template);
        }
        return bounded("endpoint", template);
    }

    private static String method(String method) {
        String upper = switch (method) { // the pipeline's methods are upper case already: no copy per request
            case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" -> method;
            default -> method.toUpperCase(Locale.ROOT);
        };
        return switch (upper) {
            case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" -> upper;
            default -> "other";
        };
    }

    @Override
    public void requestSent(RequestSent event) {
        if (breakers != null) {
            watchCircuit(event.url());
        }
    }

    /** A gauge of the circuit's state for each host requests go to, registered the first time. */
    private void watchCircuit(String url) {
        String host;
        try {
            host = Origin.of(url).authority();
        } catch (RuntimeException notAUrl) {
            return;
        }
        if (watchedHosts.contains(host) || bounded("host", host).equals(TagValues.OTHER) || !watchedHosts.add(host)) {
            return;
        }
        Gauge.builder("inlet.circuit.state", breakers, b -> b.state(host).map(InletMetrics::stateValue).orElse(0.0))
                .description("The host's circuit breaker: 0 closed, 1 half-open (a trial request may go), 2 open")
                .tags(common).tag("host", host).register(registry);
    }

    private static double stateValue(CircuitBreakers.State state) {
        return switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }

    @Override
    public void responseReceived(ResponseReceived event) {
        RequestKey key = new RequestKey(connector(event.connector()), endpoint(event.url()), method(event.method()),
                Causes.statusClass(event.status()));
        Timer timer = requestTimers.get(key); // get first: computeIfAbsent's lambda would be made per request
        if (timer == null) {
            timer = requestTimers.computeIfAbsent(key, k -> Timer.builder("inlet.http.client.requests")
                    .description("HTTP attempts, from sending to the response headers").tags(common)
                    .tag("connector", k.connector).tag("endpoint", k.endpoint).tag("method", k.method)
                    .tag("status", k.status).register(registry));
        }
        timer.record(event.elapsed());
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
        Counter.builder("inlet.http.client.retries").description("Failed attempts followed by another")
                .baseUnit("retries").tags(common).tag("connector", connector(event.connector()))
                .tag("endpoint", endpoint(event.url())).tag("cause", bounded("cause", Causes.retryCause(event.reason())))
                .register(registry).increment();
    }

    @Override
    public void callFailed(CallFailed event) {
        Counter.builder("inlet.http.client.failures")
                .description("Calls that gave up (CircuitOpenException: refused by an open circuit breaker)")
                .baseUnit("calls").tags(common).tag("connector", connector(event.connector()))
                .tag("endpoint", endpoint(event.url()))
                .tag("exception", bounded("exception", Causes.simpleName(event.exceptionType())))
                .register(registry).increment();
    }

    @Override
    public void rateLimited(RateLimited event) {
        Timer.builder("inlet.ratelimit.waits").description("Waits imposed by a rate limit or a server budget")
                .tags(common).tag("connector", connector(event.connector())).tag("limiter", bounded("limiter", event.key()))
                .tag("source", Causes.rateLimitSource(event.reason())).register(registry).record(event.delay());
    }

    @Override
    public void pageDone(PageDone event) {
        String connector = connector(event.connector());
        PageMeters meters = pageMeters.get(connector);
        if (meters == null) {
            meters = pageMeters.computeIfAbsent(connector, c -> new PageMeters(
                Timer.builder("inlet.page.duration").description("From requesting a page to reading its last record")
                        .tags(common).tag("connector", c).register(registry),
                records(c, "delivered"), records(c, "rejected")));
        }
        meters.duration.record(event.elapsed());
        meters.delivered.increment(event.records());
        meters.rejected.increment(event.rejected());
    }

    private Counter records(String connector, String result) {
        return Counter.builder("inlet.records").description("Records read from pages, delivered or rejected")
                .baseUnit("records").tags(common).tag("connector", connector).tag("result", result).register(registry);
    }

    @Override
    public void warning(RunWarning event) {
        Counter.builder("inlet.run.warnings").description("Runs going on past something suspicious").baseUnit("warnings")
                .tags(common).tag("connector", connector(event.connector())).tag("kind", bounded("kind", event.kind()))
                .register(registry).increment();
    }

    @Override
    public void stateCommitted(StateCommitted event) {
        Timer.builder("inlet.state.commit").description("Writes of a run's state (its checkpoint) to the state store")
                .tags(common).tag("connector", connector(event.connector()))
                .tag("outcome", event.succeeded() ? "success" : "failure").register(registry).record(event.elapsed());
    }

    @Override
    public void runFinished(RunFinished event) {
        RunReport report = event.report();
        String connector = connector(report.connector());
        String outcome = report.completed() ? "completed" : report.failure().isPresent() ? "failed" : "stopped";
        Timer.builder("inlet.run.duration").description("Connector runs, from opening to their end").tags(common)
                .tag("connector", connector).tag("outcome", outcome).register(registry).record(report.elapsed());
        DistributionSummary.builder("inlet.run.pages").description("Pages read per run").baseUnit("pages")
                .tags(common).tag("connector", connector).register(registry).record(report.pages());
        DistributionSummary.builder("inlet.run.records").description("Valid records delivered per run")
                .baseUnit("records").tags(common).tag("connector", connector).register(registry).record(report.valid());
        report.rejectedByRule().forEach((rule, count) -> Counter.builder("inlet.records.rejected")
                .description("Records skipped or quarantined, by the rule they broke").baseUnit("records").tags(common)
                .tag("connector", connector).tag("rule", bounded("rule", rule)).register(registry).increment(count));
    }

    @Override
    public void deliveryAnswered(Delivery event) {
        String endpoint = bounded("webhook.endpoint", event.endpoint().isEmpty() ? "unknown" : event.endpoint());
        String outcome = event.outcome().name().toLowerCase(Locale.ROOT);
        Counter.builder("inlet.webhook.deliveries").description("Webhook deliveries, by how they were answered")
                .baseUnit("deliveries").tags(common).tag("endpoint", endpoint).tag("outcome", outcome)
                .tag("reason", bounded("webhook.reason", event.reason())).register(registry).increment();
        Timer.builder("inlet.webhook.delivery.duration").description("From receiving a delivery to its answer")
                .tags(common).tag("endpoint", endpoint).tag("outcome", outcome).register(registry).record(event.elapsed());
        inboxDepth.set(event.queueDepth());
    }

    @Override
    public void eventHandled(Handled event) {
        String endpoint = bounded("webhook.endpoint", event.endpoint());
        Timer.builder("inlet.webhook.handler.duration").description("Time in a webhook handler, retries included")
                .tags(common).tag("endpoint", endpoint)
                .tag("event.type", bounded("event.type", event.eventType().orElse("none")))
                .tag("outcome", event.deadLettered() ? "dead_lettered" : "handled").register(registry)
                .record(event.handlerTime());
        Timer.builder("inlet.webhook.handler.lag").description("From receiving a delivery to its handler finishing")
                .tags(common).tag("endpoint", endpoint).register(registry).record(event.lag());
        // The slot of the event just handled is returned right after this report.
        inboxDepth.set(Math.max(0, event.queueDepth() - 1));
    }

    @Override
    public String toString() {
        return "InletMetrics[" + registry.getClass().getSimpleName() + ", maxTagValues=" + maxTagValues + "]";
    }

    /** Builds {@link InletMetrics}; not thread-safe. */
    public static final class Builder {
        private final MeterRegistry registry;
        private Tags common = Tags.empty();
        private int maxTagValues = 100;
        private CircuitBreakers breakers;

        private Builder(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * How many distinct values each tag keeps before later ones count as {@code other}; default 100.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxTagValues(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("InletMetrics.maxTagValues must be positive, got " + max);
            }
            this.maxTagValues = max;
            return this;
        }

        /** Tags added to every meter (an application or environment name); default none. */
        public Builder commonTags(String... keysAndValues) {
            this.common = Tags.of(keysAndValues);
            return this;
        }

        /**
         * The circuit breakers whose state to report: a gauge {@code inlet.circuit.state} per host that
         * requests go to (0 closed, 1 half-open, 2 open); default none. Pass the registry the pipelines'
         * {@code perHost()} interceptors come from ({@link CircuitBreakers#global()} unless you made one).
         */
        public Builder circuitBreakers(CircuitBreakers breakers) {
            this.breakers = Objects.requireNonNull(breakers, "breakers");
            return this;
        }

        /** The metrics binding. */
        public InletMetrics build() {
            return new InletMetrics(this);
        }
    }
}
