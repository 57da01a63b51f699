package dev.inlet.core.http;

import dev.inlet.core.Headers;
import dev.inlet.core.internal.Redaction;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable HTTP request as it travels the pipeline. Interceptors change it by building a copy
 * ({@link #toBuilder()}), so a retried request starts again from the original and every attempt
 * gets fresh credentials and signatures.
 *
 * <p>The body is held as bytes: small request bodies (JSON, forms, GraphQL) are what connectors
 * send, and signers (HMAC, AWS SigV4) must hash exactly the bytes that go out.
 */
public final class Request {

    private final String method;
    private final URI uri;
    private final Headers headers;
    private final byte[] body;
    private final Duration timeout;
    private final Boolean idempotent;
    private final String connector;
    private final Set<String> sensitiveParameters;
    private String redacted;

    private Request(Builder b) {
        this.method = b.method;
        this.uri = b.uri;
        this.headers = b.headers.build();
        this.body = b.body;
        this.timeout = b.timeout;
        this.idempotent = b.idempotent;
        this.connector = b.connector;
        this.sensitiveParameters = Set.copyOf(b.sensitiveParameters);
    }

    /** A builder for a GET of the URI. */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    /** A builder for a GET of the URL. */
    public static Builder builder(String url) {
        return new Builder(URI.create(url));
    }

    /** A builder that starts as a copy of this request. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The full URI; may carry secrets, so display {@link #redactedUri()} instead. */
    public URI uri() {
        return uri;
    }

    /** The request headers. */
    public Headers headers() {
        return headers;
    }

    /** A copy of the body bytes, if there is a body. */
    public Optional<byte[]> body() {
        return body == null ? Optional.empty() : Optional.of(body.clone());
    }

    /** The body length in bytes (0 without a body). */
    public int bodyLength() {
        return body == null ? 0 : body.length;
    }

    /** The body as UTF-8 text, if there is a body. */
    public Optional<String> bodyText() {
        return body == null ? Optional.empty() : Optional.of(new String(body, StandardCharsets.UTF_8));
    }

    byte[] rawBody() {
        return body;
    }

    /** This request's own timeout, overriding the pipeline's default, if set. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Whether sending the request twice has the same effect as sending it once. Defaults by method:
     * GET, HEAD, OPTIONS, PUT, DELETE and TRACE are; POST and PATCH are not unless marked.
     * Non-idempotent requests are retried only with an idempotency key.
     */
    public boolean isIdempotent() {
        if (idempotent != null) {
            return idempotent;
        }
        return !method.equals("POST") && !method.equals("PATCH");
    }

    /** The name of the connector on whose behalf this request goes out ({@code ""} if none). */
    public String connector() {
        return connector;
    }

    /** Query parameter names whose values are secret (added by credentials), masked in displays. */
    public Set<String> sensitiveParameters() {
        return sensitiveParameters;
    }

    /** The origin ({@code scheme://host:port}) this request goes to. */
    public Origin origin() {
        return Origin.of(uri);
    }

    /** The URI with user-info dropped and secret query values masked (computed once per request). */
    public String redactedUri() {
        String shown = redacted;
        if (shown == null) {
            // Benign race: two threads may compute the same string; logs and events ask for it often.
            shown = Redaction.uri(uri, sensitiveParameters);
            redacted = shown;
        }
        return shown;
    }

    /** Method and redacted URI, e.g. {@code GET https://api.example.com/v1/items?api_key=***}. */
    @Override
    public String toString() {
        return method + " " + redactedUri();
    }

    /** Builds a {@link Request}; not thread-safe. Defaults: GET, no headers, no body, no timeout. */
    public static final class Builder {
        private String method = "GET";
        private URI uri;
        private Headers.Builder headers = Headers.builder();
        private byte[] body;
        private Duration timeout;
        private Boolean idempotent;
        private String connector = "";
        private final Set<String> sensitiveParameters = new HashSet<>();

        private Builder(URI uri) {
            uri(uri);
        }

        private Builder(Request r) {
            this.method = r.method;
            this.uri = r.uri;
            this.headers = r.headers.toBuilder();
            this.body = r.body;
            this.timeout = r.timeout;
            this.idempotent = r.idempotent;
            this.connector = r.connector;
            this.sensitiveParameters.addAll(r.sensitiveParameters);
        }

        /** The target; must be absolute http or https. */
        public Builder uri(URI uri) {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("a request needs an absolute http(s) URL with a host, got "
                        + Redaction.uri(uri));
            }
            this.uri = uri;
            return this;
        }

        /** The method and its body (null for none). */
        public Builder method(String method, byte[] body) {
            Objects.requireNonNull(method, "method");
            this.method = method.toUpperCase(Locale.ROOT);
            this.body = body == null ? null : body.clone();
            return this;
        }

        /** GET, without a body. */
        public Builder get() {
            return method("GET", null);
        }

        /** POST with a body; sets {@code Content-Type} to the given media type. */
        public Builder post(byte[] body, String contentType) {
            method("POST", Objects.requireNonNull(body, "body"));
            return header("Content-Type", contentType);
        }

        /** Sets a header, replacing existing values. */
        public Builder header(String name, String value) {
            headers.set(name, value);
            return this;
        }

        /** Adds a header value, keeping existing ones. */
        public Builder addHeader(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /** Removes a header. */
        public Builder removeHeader(String name) {
            headers.remove(name);
            return this;
        }

        /** Replaces all headers. */
        public Builder headers(Headers headers) {
            this.headers = headers.toBuilder();
            return this;
        }

        /** This request's timeout (until response headers arrive), overriding the pipeline's. */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Declares whether the request may be sent twice safely (e.g. a POST search is a read). */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /** Names the connector this request belongs to (for logs and listener events). */
        public Builder connector(String connector) {
            this.connector = Objects.requireNonNull(connector, "connector");
            return this;
        }

        /** Marks a query parameter as secret so its value is masked wherever the URL is shown. */
        public Builder sensitiveParameter(String name) {
            sensitiveParameters.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /** The immutable request. */
        public Request build() {
            return new Request(this);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Request r && method.equals(r.method) && uri.equals(r.uri) && headers.equals(r.headers)
                && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers, Arrays.hashCode(body));
    }
}
