package dev.inlet.rest;

import dev.inlet.core.Json;
import dev.inlet.core.OpenPage;
import dev.inlet.core.PagePrediction;
import dev.inlet.core.PageSource;
import dev.inlet.core.Position;
import dev.inlet.core.ResponseInfo;
import dev.inlet.core.internal.Redaction;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Request;
import dev.inlet.rest.paginate.PageFacts;
import dev.inlet.rest.paginate.Paginator;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pure page step for a REST endpoint: builds the request for a position, sends it through the
 * pipeline (retries, limits, credentials), and decodes the response as a {@link RestPage}.
 * Predicts the next page where its paginator can (for prefetch). Stateless and thread-safe.
 */
final class RestSource implements PageSource, PagePrediction {

    private final String connector;
    private final RestEndpoint endpoint;
    private final HttpPipeline pipeline;
    private final JsonMapper mapper;
    private final ObjectReader binder;
    /** Whether unfollowed paging signals were reported yet: once per connector, shared with the binding form. */
    private final AtomicBoolean unfollowedPagingReported;

    RestSource(String connector, RestEndpoint endpoint, HttpPipeline pipeline, JsonMapper mapper) {
        this(connector, endpoint, pipeline, mapper, null, new AtomicBoolean());
    }

    private RestSource(String connector, RestEndpoint endpoint, HttpPipeline pipeline, JsonMapper mapper,
            ObjectReader binder, AtomicBoolean unfollowedPagingReported) {
        this.connector = connector;
        this.endpoint = endpoint;
        this.pipeline = pipeline;
        this.mapper = mapper;
        this.binder = binder;
        this.unfollowedPagingReported = unfollowedPagingReported;
    }

    /** JSON bodies bind records straight to the reader's type; other formats deliver trees. */
    @Override
    public PageSource binding(ObjectReader reader) {
        return new RestSource(connector, endpoint, pipeline, mapper, reader, unfollowedPagingReported);
    }

    @Override
    public OpenPage open(Position position) {
        Request request = requestAt(position);
        return pipeline.openPage(position, request, (response, at) -> RestPage.open(this, request, response, at));
    }

    /** As {@link #open}, through the pipeline's asynchronous form: no thread waits over {@code Transport.jdk()}. */
    @Override
    public CompletableFuture<OpenPage> openAsync(Position position) {
        Request request;
        try {
            request = requestAt(position);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return pipeline.openPageAsync(position, request, (response, at) -> RestPage.open(this, request, response, at));
    }

    @Override
    public boolean opensAsynchronously() {
        return pipeline.sendsAsynchronously();
    }

    private Request requestAt(Position position) {
        return withoutForeignCredentials(
                endpoint.paginator().apply(pipeline.marked(endpoint.firstRequest(connector)), position));
    }

    /**
     * The next position if the page at this one comes back full, from the paginator's page size; empty
     * when a record limit would end paging there or the token is not readable (opening it fails properly).
     */
    @Override
    public Optional<Position> nextIfFull(Position position) {
        Paginator paginator = endpoint.paginator();
        int size = paginator.fullPageSize();
        if (size < 1 || endpoint.maxRecords() != Long.MAX_VALUE
                && position.recordsBefore() + size >= endpoint.maxRecords()) {
            return Optional.empty();
        }
        try {
            return paginator.nextTokenIfFull(position).map(token -> position.next(token, size));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The next token from a response head, for paginators that read only heads: the same token the page
     * will name once read (secrets stripped from next links), and only on an origin the endpoint allows, so
     * nothing is requested ahead that the page itself would refuse. Not with a record limit (a page's
     * limit depends on the records before it, which the head does not tell).
     */
    @Override
    public Optional<String> nextTokenFromHead(Position position, ResponseInfo head) {
        Paginator paginator = endpoint.paginator();
        if (!paginator.nextTokenFromHead() || endpoint.maxRecords() != Long.MAX_VALUE) {
            return Optional.empty();
        }
        try {
            Request request = withoutForeignCredentials(
                    paginator.apply(pipeline.marked(endpoint.firstRequest(connector)), position));
            PageFacts facts = new PageFacts(request, position, head, Json.mapper().createObjectNode(), 0,
                    Optional.empty(), true);
            Optional<String> token = paginator.nextToken(facts);
            if (token.isEmpty() || !paginator.tokensAreUrls()) {
                return token;
            }
            String url = RestPage.withoutSecrets(request, token.get());
            return endpoint.allows(URI.create(url)) ? Optional.of(url) : Optional.empty();
        } catch (RuntimeException unreadable) {
            // The page itself reports a bad header when its turn comes, in order.
            return Optional.empty();
        }
    }

    /**
     * The request without headers that carry credentials (by name: {@code Authorization},
     * {@code X-Api-Key} …) when it goes to another origin than the base URL's: such headers set on
     * the endpoint are credentials too, and credentials go only to the origin they are for. (The
     * pipeline's credentials decide for themselves, after this.)
     */
    private Request withoutForeignCredentials(Request request) {
        if (request.origin().equals(endpoint.origin())) {
            return request;
        }
        Request.Builder b = request.toBuilder();
        request.headers().names().stream().filter(Redaction::isSensitiveHeader).forEach(b::removeHeader);
        return b.build();
    }

    RestEndpoint endpoint() {
        return endpoint;
    }

    HttpPipeline pipeline() {
        return pipeline;
    }

    JsonMapper mapper() {
        return mapper;
    }

    /** The reader that binds records directly, or null for trees. */
    ObjectReader binder() {
        return binder;
    }

    String connector() {
        return connector;
    }

    /** True the first time only: unfollowed paging signals are reported once per connector. */
    boolean firstUnfollowedPaging() {
        return unfollowedPagingReported.compareAndSet(false, true);
    }

    @Override
    public String toString() {
        return "RestSource[" + connector + ": " + endpoint.method() + " " + endpoint.baseUrl().getHost()
                + endpoint.path() + ", " + endpoint.paginator() + "]";
    }
}
