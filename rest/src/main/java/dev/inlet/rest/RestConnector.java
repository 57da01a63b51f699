package dev.inlet.rest;

import dev.inlet.core.Connector;
import dev.inlet.core.Headers;
import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.Json;
import dev.inlet.core.ReadLimits;
import dev.inlet.core.PageSource;
import dev.inlet.core.PrefetchingSource;
import dev.inlet.core.SourceConnectorBuilder;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Interceptor;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.PipelineSettings;
import dev.inlet.core.http.internal.PipelineOverrides;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.rest.decode.BodyDecoder;
import dev.inlet.rest.decode.BodyFormat;
import dev.inlet.rest.internal.JsonPointers;
import dev.inlet.rest.paginate.Paginator;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.rest.paginate.StopCondition;
import java.net.URI;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connectors for REST endpoints: describe the endpoint, how it pages and where its records are, and
 * get a {@link Connector} whose {@code records()} streams every record of every page.
 *
 * <pre>{@code
 * Connector<JsonNode> issues = RestConnector.builder("issues")
 *         .baseUrl("https://api.github.com")
 *         .path("/repos/octocat/hello-world/issues")
 *         .query("per_page", "100")
 *         .paginator(Paginators.linkHeader())
 *         .build();
 * try (Stream<JsonNode> stream = issues.records()) {
 *     stream.forEach(System.out::println);
 * }
 * }</pre>
 */
public final class RestConnector {

    private RestConnector() {
    }

    /** A builder for a connector with this name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Builds a REST {@link Connector}. Not thread-safe; the connector it builds is.
     *
     * <p>Defaults: GET; no query or headers (an {@code Accept} header listing the formats Inlet reads
     * is added); records are the whole body, which must be an array ({@code records("")}); a single
     * page ({@link Paginators#singlePage()}); no extra stop conditions; no record limit; the format
     * from the {@code Content-Type}; next-page URLs only on the base URL's origin; a missing records
     * path and an empty 2xx body are errors; a paging field (cursor, next link, has-more flag, total)
     * missing from a body is an error, not an end ({@link #absentMeansEnd()}); a POST is not idempotent; no
     * prefetch (one request at a time, {@link #prefetch(int)}); {@link HttpPipeline#defaults()};
     * Inlet's default {@link JsonMapper} ({@link Json#mapper()}); and the {@link Connector.Builder}
     * defaults for validation (none), invalid records ({@link InvalidRecordPolicy#FAIL}), quarantine
     * and listener.
     */
    public static final class Builder extends SourceConnectorBuilder<Builder> implements PipelineSettings<Builder> {
        private URI baseUrl;
        private String path = "";
        private String method = "GET";
        private String body;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Headers.Builder headers = Headers.builder();
        private String recordsPointer = "";
        private Paginator paginator = Paginators.singlePage();
        private final List<StopCondition> stops = new ArrayList<>();
        private long maxRecords = Long.MAX_VALUE;
        private BodyFormat format;
        private final List<BodyDecoder.Factory> decoders = new ArrayList<>();
        private final Set<Origin> allowedOrigins = new HashSet<>();
        private boolean missingRecordsAsEmpty;
        private boolean emptyBodyIsEmptyPage;
        private boolean idempotent;
        private boolean absentMeansEnd;
        private Duration timeout;
        private JsonMapper mapper = Json.mapper();
        private int prefetch = 1;
        private final PipelineOverrides pipeline = new PipelineOverrides();

        private Builder(String name) {
            super(name);
        }

        /** The base URL (scheme, host, port and an optional base path). Required. */
        public Builder baseUrl(String url) {
            Objects.requireNonNull(url, "url");
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl is not a valid URL: " + e.getMessage(), e);
            }
            if (uri.getScheme() == null || uri.getHost() == null
                    || !uri.getScheme().equalsIgnoreCase("http") && !uri.getScheme().equalsIgnoreCase("https")) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL with a host, got "
                        + dev.inlet.core.internal.Redaction.uri(uri));
            }
            this.baseUrl = uri;
            return this;
        }

        /** The path after the base URL, e.g. {@code /v1/charges}. */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /** Sends GET requests (the default). */
        public Builder get() {
            this.method = "GET";
            this.body = null;
            return this;
        }

        /** Sends POST requests with this JSON body (a {@link JsonNode}, a map, or any serialisable object). */
        public Builder post(Object jsonBody) {
            Objects.requireNonNull(jsonBody, "jsonBody");
            this.method = "POST";
            this.body = jsonBody instanceof String text ? text : mapper.writeValueAsString(jsonBody);
            return this;
        }

        /** Adds a query parameter to every request (paginators add theirs). */
        public Builder query(String name, String value) {
            query.add(new AbstractMap.SimpleImmutableEntry<>(Objects.requireNonNull(name, "name"),
                    Objects.requireNonNull(value, "value")));
            return this;
        }

        /** Sets a header on every request. For credentials use {@link #credentials(Interceptor)}. */
        public Builder header(String name, String value) {
            headers.set(name, value);
            return this;
        }

        /** Where the records array is, as a JSON Pointer ({@code "/data"}); {@code ""} for the whole body. */
        public Builder records(String pointer) {
            JsonPointers.segments(Objects.requireNonNull(pointer, "pointer"));
            this.recordsPointer = pointer;
            return this;
        }

        /** How the endpoint pages. */
        public Builder paginator(Paginator paginator) {
            this.paginator = Objects.requireNonNull(paginator, "paginator");
            return this;
        }

        /** Adds a reason to treat a page as the last (see {@link StopCondition}). */
        public Builder stopWhen(StopCondition condition) {
            stops.add(Objects.requireNonNull(condition, "condition"));
            return this;
        }

        /** Delivers at most this many records per run, and stops paging once reached. */
        public Builder maxRecords(long maxRecords) {
            if (maxRecords < 1) {
                throw new IllegalArgumentException("maxRecords must be >= 1, was " + maxRecords);
            }
            this.maxRecords = maxRecords;
            return this;
        }

        /** Decodes bodies in this format whatever their {@code Content-Type}. */
        public Builder format(BodyFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Adds a decoder factory, asked before the built-in decoders. */
        public Builder decoder(BodyDecoder.Factory factory) {
            decoders.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /**
         * Lets next-page URLs and redirects point to this other origin (e.g. a CDN host). By default
         * both must stay on the base URL's origin: one elsewhere is refused with an
         * {@link dev.inlet.core.error.OriginRefusedException} or a {@link dev.inlet.core.error.PaginationException}.
         * Credentials are never sent to an allowed origin unless configured for it, and neither are
         * headers with credential names set with {@link #header(String, String)}.
         */
        public Builder allowOrigin(String url) {
            allowedOrigins.add(Origin.of(url));
            return this;
        }

        /** Whether a body without the records path is an empty page rather than an error. */
        public Builder missingRecordsAsEmpty(boolean empty) {
            this.missingRecordsAsEmpty = empty;
            return this;
        }

        /** Whether a 2xx with an empty body is an empty page rather than an error. */
        public Builder emptyBodyIsEmptyPage(boolean empty) {
            this.emptyBodyIsEmptyPage = empty;
            return this;
        }

        /**
         * Declares that the API leaves its paging fields out of the last page (HubSpot drops
         * {@code paging} entirely): a cursor, next link, has-more flag or total that is missing from a
         * body then reads as null — the end, for paginators. By default a missing field is a
         * {@link dev.inlet.core.error.PaginationException} naming the fields present ("did you mean
         * /next_cursor?"), because a misspelt pointer would otherwise stop after the first page without
         * a word.
         */
        public Builder absentMeansEnd() {
            this.absentMeansEnd = true;
            return this;
        }

        /** Declares a POST endpoint a read (e.g. a search), so it is retried like a GET. */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /** A per-request timeout (until response headers) overriding the pipeline's. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The request pipeline (transport, interceptors, retry policy, limiter, credentials). */
        @Override
        public Builder pipeline(HttpPipeline pipeline) {
            this.pipeline.base(pipeline);
            return this;
        }

        /** Credentials for this connector, replacing the pipeline's. */
        @Override
        public Builder credentials(Interceptor credentials) {
            pipeline.credentials(credentials);
            return this;
        }

        /** A rate limiter for this connector, replacing the pipeline's. */
        @Override
        public Builder rateLimiter(Interceptor limiter) {
            pipeline.rateLimiter(limiter);
            return this;
        }

        /** A circuit breaker for this connector (see {@code CircuitBreakers}), replacing the pipeline's. */
        @Override
        public Builder circuitBreaker(Interceptor breaker) {
            pipeline.circuitBreaker(breaker);
            return this;
        }

        /** The retry policy for this connector, replacing the pipeline's. */
        @Override
        public Builder retryPolicy(RetryPolicy policy) {
            pipeline.retryPolicy(policy);
            return this;
        }

        /**
         * How much of a response this connector reads and holds before failing with a non-retryable
         * {@link dev.inlet.core.error.LimitExceededException} (body size and reading time, record size, string,
         * number and nesting limits, compression ratio), replacing the pipeline's. Default
         * {@link ReadLimits#defaults()}; see {@code docs/resilience.md}.
         */
        @Override
        public Builder limits(ReadLimits limits) {
            pipeline.limits(limits);
            return this;
        }


        /**
         * How many pages a run may have in flight at once (1 to {@value PrefetchingSource#MAX_DEPTH}).
         * Default 1: off, one request at a time. With more, a run requests pages ahead while it reads
         * the current one — for paginators whose next request is known without the body: offset and
         * page-number paging with a page size (up to {@code pages} in flight), {@code Link} and header
         * cursors (the next request leaves when the current response's head arrives: one ahead).
         * Records stay in order, positions exact, errors in order, and every request still passes the
         * rate limiter and retry budget, which decide the real pace. Costs up to {@code pages - 1}
         * requests past the last page. Other paginators ignore it. See {@link PrefetchingSource} and
         * {@code docs/throughput.md} (how to choose it: about the pages per second the API allows times
         * its latency in seconds, plus one).
         */
        public Builder prefetch(int pages) {
            if (pages < 1 || pages > PrefetchingSource.MAX_DEPTH) {
                throw new IllegalArgumentException("prefetch must be between 1 (off) and "
                        + PrefetchingSource.MAX_DEPTH + " pages, was " + pages);
            }
            this.prefetch = pages;
            return this;
        }

        /** The mapper that builds record trees and serialises POST bodies. */
        public Builder mapper(JsonMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }





        /** The endpoint as configured so far. */
        public RestEndpoint endpoint() {
            if (baseUrl == null) {
                throw new IllegalStateException("connector '" + name() + "' needs a baseUrl(...)");
            }
            return new RestEndpoint(baseUrl, path, method, body, query, headers.build(), recordsPointer, paginator,
                    stops, maxRecords, Optional.ofNullable(format), decoders, allowedOrigins, missingRecordsAsEmpty,
                    emptyBodyIsEmptyPage, idempotent, timeout, absentMeansEnd);
        }

        /** The pure page step for engines that drive paging themselves (raw records, no validation). */
        @Override
        public PageSource source() {
            listener().ifPresent(pipeline::listener);
            pipeline.allowRedirectsTo(Origin.of(baseUrl == null ? URI.create("http://unset") : baseUrl));
            allowedOrigins.forEach(pipeline::allowRedirectsTo);
            RestSource source = new RestSource(name(), endpoint(), pipeline.resolve(), mapper);
            return prefetch > 1 ? PrefetchingSource.of(source, prefetch) : source;
        }

        @Override
        protected JsonMapper recordMapper() {
            return mapper;
        }

    }
}
