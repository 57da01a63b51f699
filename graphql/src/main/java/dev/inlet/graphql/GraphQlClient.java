package dev.inlet.graphql;

import dev.inlet.graphql.relay.RelayConnector;
import dev.inlet.graphql.cost.CostThrottle;
import dev.inlet.graphql.cost.internal.CostPacing;
import dev.inlet.core.Headers;
import dev.inlet.core.InletListener;
import dev.inlet.core.Json;
import dev.inlet.core.ReadLimits;
import dev.inlet.core.OpenPage;
import dev.inlet.core.Position;
import dev.inlet.core.internal.Futures;
import dev.inlet.core.internal.Redaction;
import dev.inlet.core.internal.WaitingThreads;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Interceptor;
import dev.inlet.core.http.PipelineSettings;
import dev.inlet.core.http.internal.PipelineOverrides;
import dev.inlet.core.http.Request;
import dev.inlet.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;
import dev.inlet.graphql.error.GraphQlErrorsException;
import dev.inlet.graphql.error.GraphQlSyntaxException;
import dev.inlet.graphql.error.GraphQlValidationException;

/**
 * Sends GraphQL operations to one endpoint through Inlet's request pipeline (credentials, retries,
 * rate limits, listener — shared with REST), and reads the answers as {@link GraphQlResponse}s.
 *
 * <p>Before anything is sent, the operation was parsed when it was built, and is validated here
 * against the {@linkplain Builder#schema(GraphQlSchema) schema} if one is configured. Queries are
 * marked idempotent, so the retry policy repeats them like GETs; mutations are retried only with an
 * idempotency key. Throttling errors ({@code THROTTLED}, {@code RATE_LIMITED}) are retried after the
 * wait the response's cost data computes (Shopify's {@code extensions.cost}, GitHub's
 * {@code rateLimit} and {@code x-ratelimit-*}), falling back to the policy's backoff; with a
 * {@link CostThrottle} the client also waits before sending, so the budget is not exceeded at all.
 *
 * <p>Immutable and thread-safe; one client serves any number of concurrent calls. It learns one
 * thing as it goes: a server that says it does not support persisted queries gets no more hashes.
 *
 * <pre>{@code
 * GraphQlClient client = GraphQlClient.builder("https://api.example.com/graphql")
 *         .credentials(bearer)
 *         .build();
 * GraphQlResponse response = client.execute(GraphQlOperation.builder("query($id: ID!) { order(id: $id) { id total } }")
 *         .variable("id", "gid://shop/Order/1").build());
 * Optional<Order> order = response.get("order", Order.class);
 * }</pre>
 */
public final class GraphQlClient {

    private final URI endpoint;
    private final Headers headers;
    private final HttpPipeline pipeline;
    private final HttpPipeline exchanges;
    private final JsonMapper mapper;
    private final ErrorPolicy errorPolicy;
    private final GraphQlSchema schema;
    private final boolean persistedQueries;
    private final CostThrottle throttle;
    private final RequestFactory requests;
    private final ResponseReader reader;
    private final PersistedQueries apq;

    private GraphQlClient(Builder b, HttpPipeline pipeline) {
        this.endpoint = b.endpoint;
        this.headers = b.headers.build();
        this.pipeline = pipeline;
        this.mapper = b.mapper;
        // Innermost of the caller's interceptors, so GraphQL errors answered with a 4xx stay structured.
        this.exchanges = pipeline.toBuilder()
                .addInterceptor(new StatusErrors(mapper, pipeline.retryPolicy(), pipeline.clock())).build();
        this.errorPolicy = b.errorPolicy;
        this.schema = b.schema;
        this.persistedQueries = b.persistedQueries;
        this.throttle = b.throttle;
        this.requests = new RequestFactory(endpoint, headers, mapper, b.getForQueries, b.timeout);
        this.apq = new PersistedQueries(requests, persistedQueries);
        this.reader = new ResponseReader(mapper, errorPolicy, Optional.ofNullable(throttle), pipeline.clock(),
                pipeline.limits());
    }

    /**
     * A builder for a client of the GraphQL endpoint at this URL.
     *
     * @throws IllegalArgumentException if the URL is not an absolute http(s) URL with a host
     */
    public static Builder builder(String endpointUrl) {
        return new Builder(endpointUrl);
    }

    /** A builder starting from this client's configuration (its pipeline includes any overrides). */
    public Builder toBuilder() {
        Builder b = new Builder(endpoint);
        b.headers.addAll(headers);
        b.pipeline.base(pipeline);
        b.mapper = mapper;
        b.errorPolicy = errorPolicy;
        b.schema = schema;
        b.persistedQueries = persistedQueries;
        b.getForQueries = requests.getForQueries();
        b.timeout = timeoutOf();
        b.throttle = throttle;
        return b;
    }

    /**
     * Sends the operation and returns the response.
     *
     * @throws GraphQlValidationException if a schema is configured and the operation does not fit it
     *     (nothing is sent)
     * @throws GraphQlErrorsException if the response has errors the {@link ErrorPolicy} does not
     *     accept, or throttling errors remained after the retries
     * @throws dev.inlet.core.error.InletException for transport, status and decoding failures after retries
     */
    public GraphQlResponse execute(GraphQlOperation operation) {
        Objects.requireNonNull(operation, "operation");
        check(operation);
        awaitBudget(operation, "");
        return apq.send(operation, "", request -> exchanges.execute(request,
                response -> reader.read(response, operation, request)));
    }

    /**
     * Parses the document (its only operation, no variables) and sends it.
     *
     * @throws GraphQlSyntaxException if the document is not valid GraphQL (nothing is sent)
     */
    public GraphQlResponse execute(String document) {
        return execute(GraphQlOperation.of(document));
    }

    /** The endpoint's URL with secrets masked. */
    public String endpoint() {
        return Redaction.uri(endpoint);
    }

    /** What the client does with responses that carry errors. */
    public ErrorPolicy errorPolicy() {
        return errorPolicy;
    }

    /** The schema operations are validated against before sending, if configured. */
    public Optional<GraphQlSchema> schema() {
        return Optional.ofNullable(schema);
    }

    /** The throttle that paces requests by query cost, if configured. */
    public Optional<CostThrottle> costThrottle() {
        return Optional.ofNullable(throttle);
    }

    /** Whether Automatic Persisted Queries are on (and not found unsupported by the server). */
    public boolean persistedQueries() {
        return apq.active();
    }

    /** The request pipeline every call goes through. */
    public HttpPipeline pipeline() {
        return pipeline;
    }

    /** The mapper that reads responses and maps typed values. */
    public JsonMapper mapper() {
        return mapper;
    }

    /** Validates the operation against the schema, if one is configured. */
    void check(GraphQlOperation operation) {
        if (schema != null) {
            schema.validate(operation);
        }
    }

    /**
     * Opens the page at a position: waits for the cost budget, sends the operation (with the APQ
     * exchange if on) under the retry policy, and turns the checked response into a page. The
     * building block of page sources over GraphQL ({@code RelayConnector}'s, or a paging shape of
     * your own); the operation is not validated here (see {@link #schema()}).
     *
     * @param connector the connector's name, for events and messages
     * @param toPage turns a response the {@link ErrorPolicy} accepted into the page
     */
    public OpenPage openPage(String connector, Position position, GraphQlOperation operation,
            BiFunction<GraphQlResponse, Position, OpenPage> toPage) {
        Duration throttled = awaitBudget(operation, connector);
        OpenPage page = apq.send(operation, connector, request -> exchanges.openPage(position, request,
                (response, at) -> toPage.apply(reader.read(response, operation, request), at)));
        return throttled.isZero() ? page : new ThrottledPage(page, throttled);
    }

    /**
     * {@link #openPage} without waiting: the future completes with the page once its response arrived, or
     * fails with what {@code openPage} would throw. No thread waits when the client
     * {@linkplain #opensAsynchronously() opens asynchronously}; otherwise {@code openPage} runs on a waiting
     * thread. Cancelling the future closes a page that arrives afterwards.
     */
    public CompletableFuture<OpenPage> openPageAsync(String connector, Position position, GraphQlOperation operation,
            BiFunction<GraphQlResponse, Position, OpenPage> toPage) {
        if (!opensAsynchronously()) {
            return Futures.supplyClosing(() -> openPage(connector, position, operation, toPage), WaitingThreads.shared());
        }
        Request request;
        try {
            request = requests.request(operation, RequestFactory.Form.FULL, connector);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return exchanges.openPageAsync(position, request,
                (response, at) -> toPage.apply(reader.read(response, operation, request), at));
    }

    /**
     * Whether {@link #openPageAsync} holds no thread while a page is on its way: the pipeline
     * {@linkplain HttpPipeline#sendsAsynchronously() sends asynchronously} and nothing makes the client
     * wait on a thread first (a cost throttle's budget, the persisted-query exchange).
     */
    public boolean opensAsynchronously() {
        return throttle == null && !persistedQueries() && exchanges.sendsAsynchronously();
    }

    private Duration awaitBudget(GraphQlOperation operation, String connector) {
        if (throttle == null) {
            return Duration.ZERO;
        }
        return CostPacing.access().acquire(throttle, operation.costKey(), operation.displayName(), connector,
                pipeline.clock(), pipeline.sleeper(), pipeline.listener(), pipeline.retryPolicy().maxServerWait());
    }

    private Duration timeoutOf() {
        return requests.timeout();
    }

    @Override
    public String toString() {
        return "GraphQlClient[" + endpoint() + ", " + errorPolicy + (schema != null ? ", schema" : "")
                + (persistedQueries() ? ", persisted queries" : "") + (throttle != null ? ", " + throttle : "") + "]";
    }

    /**
     * Builds a {@link GraphQlClient}. Not thread-safe; the client it builds is.
     *
     * <p>Defaults: JSON POST for every operation; {@code Accept: application/json}; no extra headers;
     * {@link ErrorPolicy#FAIL_ON_ERRORS}; no schema validation; no persisted queries; no cost
     * throttle (throttling errors are still retried after the computed wait);
     * {@link HttpPipeline#defaults()}; Inlet's default mapper ({@link Json#mapper()}: exact decimals,
     * unknown properties ignored); the pipeline's request timeout.
     */
    public static final class Builder implements PipelineSettings<Builder> {
        private final URI endpoint;
        private final Headers.Builder headers = Headers.builder();
        private JsonMapper mapper = Json.mapper();
        private final PipelineOverrides pipeline = new PipelineOverrides();
        private ErrorPolicy errorPolicy = ErrorPolicy.FAIL_ON_ERRORS;
        private GraphQlSchema schema;
        private boolean persistedQueries;
        private boolean getForQueries;
        private Duration timeout;
        private CostThrottle throttle;

        private Builder(String url) {
            this(parse(url));
        }

        private Builder(URI endpoint) {
            this.endpoint = endpoint;
        }

        private static URI parse(String url) {
            Objects.requireNonNull(url, "endpointUrl");
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the GraphQL endpoint is not a valid URL: " + e.getMessage(), e);
            }
            if (uri.getScheme() == null || uri.getHost() == null
                    || !uri.getScheme().equalsIgnoreCase("http") && !uri.getScheme().equalsIgnoreCase("https")) {
                throw new IllegalArgumentException("the GraphQL endpoint must be an absolute http(s) URL with a host, "
                        + "got " + Redaction.uri(uri));
            }
            return uri;
        }

        /** Sets a header on every request. For credentials use {@link #credentials(Interceptor)}. */
        public Builder header(String name, String value) {
            headers.set(name, value);
            return this;
        }

        /** The request pipeline (transport, interceptors, retry policy, limiter, credentials, listener). */
        @Override
        public Builder pipeline(HttpPipeline pipeline) {
            this.pipeline.base(pipeline);
            return this;
        }

        /** Credentials for this client, replacing the pipeline's. */
        @Override
        public Builder credentials(Interceptor credentials) {
            pipeline.credentials(credentials);
            return this;
        }

        /** A client-side rate limiter for this client, replacing the pipeline's. */
        @Override
        public Builder rateLimiter(Interceptor limiter) {
            pipeline.rateLimiter(limiter);
            return this;
        }

        /** A circuit breaker for this client (see {@code CircuitBreakers}), replacing the pipeline's. */
        @Override
        public Builder circuitBreaker(Interceptor breaker) {
            pipeline.circuitBreaker(breaker);
            return this;
        }

        /** The retry policy for this client, replacing the pipeline's. */
        @Override
        public Builder retryPolicy(RetryPolicy policy) {
            pipeline.retryPolicy(policy);
            return this;
        }

        /**
         * How much of a response this client reads and holds before failing with a non-retryable
         * {@link dev.inlet.core.error.LimitExceededException} (body size and reading time, record size, string,
         * number and nesting limits, compression ratio), replacing the pipeline's. Default
         * {@link ReadLimits#defaults()}; see {@code docs/resilience.md}.
         */
        @Override
        public Builder limits(ReadLimits limits) {
            pipeline.limits(limits);
            return this;
        }

        /** Observes this client's requests, retries and cost waits (added to the pipeline's listener). */
        public Builder listener(InletListener listener) {
            pipeline.listener(listener);
            return this;
        }

        /** The mapper that reads responses and maps typed values. */
        public Builder mapper(JsonMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /** What to do with responses that carry errors. */
        public Builder errorPolicy(ErrorPolicy policy) {
            this.errorPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Validates every operation against this schema before sending it. */
        public Builder schema(GraphQlSchema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /**
         * Automatic Persisted Queries: send the document's SHA-256 hash instead of the document, and
         * the document only when the server has not stored it yet ({@code PersistedQueryNotFound}).
         */
        public Builder persistedQueries(boolean on) {
            this.persistedQueries = on;
            return this;
        }

        /**
         * Sends queries as GET (parameters in the URL, cacheable by CDNs); mutations stay POST. With
         * persisted queries, only the hash-only request is a GET.
         */
        public Builder getForQueries(boolean on) {
            this.getForQueries = on;
            return this;
        }

        /** A per-request timeout (until response headers) overriding the pipeline's. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Paces requests by the server's query cost; share one throttle per budget. */
        public Builder costThrottle(CostThrottle throttle) {
            this.throttle = Objects.requireNonNull(throttle, "throttle");
            return this;
        }

        /** The immutable client. */
        public GraphQlClient build() {
            return new GraphQlClient(this, pipeline.resolve());
        }

    }
}
