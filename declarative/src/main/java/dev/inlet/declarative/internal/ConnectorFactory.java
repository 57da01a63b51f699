package dev.inlet.declarative.internal;

import dev.inlet.core.Connector;
import dev.inlet.core.SourceConnectorBuilder;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.http.Origin;
import dev.inlet.core.state.IncrementalSync;
import dev.inlet.rest.RestConnector;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * <b>Internal.</b> Maps a checked definition onto connectors: one {@link RestConnector} (or, for GraphQL
 * streams, one Relay connector) per stream, sharing the definition's credentials and rate limiter, with
 * its validation, and {@link IncrementalSync} for incremental streams. Placeholders are resolved once,
 * here, except a substream's parent references, resolved per parent record. Thread-safe.
 */
public final class ConnectorFactory {

    private final DefinitionSpec spec;
    private final BindSettings settings;
    private final String baseUrl;
    private final Credentials credentials;
    private final dev.inlet.core.http.Interceptor rateLimiter;

    /** Resolves the definition-wide parts (base URL, credentials, rate limiter) at once. */
    public ConnectorFactory(DefinitionSpec spec, BindSettings settings) {
        this.spec = spec;
        this.settings = settings;
        String url = settings.baseUrlOverride() != null ? settings.baseUrlOverride()
                : spec.baseUrl().resolve(settings.resolver());
        if (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        this.baseUrl = url;
        Origin origin;
        try {
            origin = Origin.of(url);
        } catch (RuntimeException e) {
            throw Errors.at(spec.baseUrl().node(), "base URL `" + url + "` is not a valid http(s) URL",
                    "e.g. https://api.example.com", null);
        }
        this.credentials = spec.auth() == null ? null : spec.auth().credentials(origin, settings.resolver());
        this.rateLimiter = spec.rateLimit() == null ? null
                : settings.rateLimiters().shared(spec.name() + ":" + origin.authority(), spec.rateLimit().limit());
    }

    /** The base URL in force (the override, or the definition's, resolved). */
    public String baseUrl() {
        return baseUrl;
    }

    /** The plain connector of a top-level stream, from its first page. */
    public Connector<JsonNode> connector(StreamSpec stream) {
        return connector(stream, settings.resolver(), Optional.empty());
    }

    /** The connector of a stream for a since (incremental) and a resolver (a substream's, per parent). */
    public Connector<JsonNode> connector(StreamSpec stream, Resolver resolver, Optional<String> since) {
        if (stream.graphql() != null) {
            return GraphQlStreams.connector(this, stream, resolver);
        }
        RestConnector.Builder builder = RestConnector.builder(connectorName(stream))
                .baseUrl(baseUrl)
                .path(stream.path().resolve(resolver));
        if ("POST".equals(stream.method())) {
            JsonNode body = stream.body() == null ? null
                    : Nodes.json(stream.body(), node -> Section.text(node).resolve(resolver));
            builder.post(body);
        }
        for (Map.Entry<String, Template> q : stream.query().entrySet()) {
            builder.query(q.getKey(), q.getValue().resolve(resolver));
        }
        PaginatorSpec paginator = stream.paginator();
        if (paginator.sizeParam() != null && !paginator.type().equals("offset")
                && !paginator.type().equals("page_number") && !stream.query().containsKey(paginator.sizeParam())) {
            builder.query(paginator.sizeParam(), Integer.toString(paginator.size()));
        }
        if (since.isPresent() && stream.incremental() != null) {
            builder.query(stream.incremental().param(), since.get());
        }
        for (Map.Entry<String, Template> h : stream.headers().entrySet()) {
            builder.header(h.getKey(), h.getValue().resolve(resolver));
        }
        if (stream.records() != null) {
            builder.records(stream.records());
        }
        builder.paginator(paginator.paginator());
        if (paginator.absentMeansEnd()) {
            builder.absentMeansEnd();
        }
        builder.prefetch(PrefetchDefault.of(stream, spec.rateLimit()));
        applyPipeline(builder);
        applyCommon(builder, stream);
        return builder.build();
    }

    /** The pipeline settings every HTTP connector of the definition shares. */
    void applyPipeline(RestConnector.Builder builder) {
        if (settings.pipeline() != null) {
            builder.pipeline(settings.pipeline());
        }
        if (credentials != null) {
            builder.credentials(credentials);
        }
        if (rateLimiter != null) {
            builder.rateLimiter(rateLimiter);
        }
        if (spec.retry() != null) {
            builder.retryPolicy(spec.retry().policy());
        }
    }

    /** Validation, listener and clock: what every source builder shares. */
    <B extends SourceConnectorBuilder<B>> void applyCommon(SourceConnectorBuilder<B> builder, StreamSpec stream) {
        if (stream.validation() != null) {
            builder.validator(stream.validation().validator()).onInvalid(stream.validation().policy());
        }
        if (settings.listener() != null) {
            builder.listener(settings.listener());
        }
        if (settings.clock() != null) {
            builder.clock(settings.clock());
        }
    }

    /** The incremental sync of an incremental stream, keeping its state in the binding's store. */
    public IncrementalSync<JsonNode> incremental(StreamSpec stream) {
        return incremental(stream, Optional.empty());
    }

    /**
     * The incremental sync of an incremental stream; its first run starts at {@code startAt} when given,
     * else at the definition's {@code start}.
     */
    public IncrementalSync<JsonNode> incremental(StreamSpec stream, Optional<java.time.Instant> startAt) {
        IncrementalSpec inc = stream.incremental();
        if (settings.stateStore() == null) {
            throw Errors.at(inc.node(), "stream `" + stream.name() + "` is incremental but the binding has no state"
                    + " store", "Binding.stateStore(…)", null);
        }
        IncrementalSync.Builder<JsonNode> builder = IncrementalSync.<JsonNode>builder(connectorName(stream))
                .store(settings.stateStore())
                .cursorField(inc.cursorField())
                .cursorFormat(inc.format())
                .lookback(inc.lookback())
                .connector(since -> connector(stream, settings.resolver(), since));
        if (startAt.isPresent()) {
            builder.startAt(inc.sinceText(startAt.get()));
        } else if (inc.start() != null) {
            builder.startAt(inc.start().resolve(settings.resolver()));
        }
        if (stream.primaryKey() != null) {
            builder.primaryKey(stream.primaryKey());
        }
        if (settings.clock() != null) {
            builder.clock(settings.clock());
        }
        return builder.build();
    }

    /** The connector name of a stream: {@code <definition>-<stream>}. */
    public String connectorName(StreamSpec stream) {
        return spec.name() + "-" + stream.name();
    }

    /** The settings (for the GraphQL mapping). */
    BindSettings settings() {
        return settings;
    }

    /** The credentials, or null. */
    Credentials credentials() {
        return credentials;
    }

    /** The rate limiter, or null. */
    dev.inlet.core.http.Interceptor rateLimiter() {
        return rateLimiter;
    }

    /** The definition. */
    DefinitionSpec spec() {
        return spec;
    }
}
