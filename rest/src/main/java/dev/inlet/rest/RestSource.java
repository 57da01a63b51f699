package dev.inlet.rest;

import dev.inlet.core.OpenPage;
import dev.inlet.core.PageSource;
import dev.inlet.core.Position;
import dev.inlet.core.internal.Redaction;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Request;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pure page step for a REST endpoint: builds the request for a position, sends it through the
 * pipeline (retries, limits, credentials), and decodes the response as a {@link RestPage}.
 * Stateless and thread-safe.
 */
final class RestSource implements PageSource {

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
        Request request = withoutForeignCredentials(
                endpoint.paginator().apply(pipeline.marked(endpoint.firstRequest(connector)), position));
        return pipeline.openPage(position, request,
                (response, at) -> RestPage.open(this, request, response, at));
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
