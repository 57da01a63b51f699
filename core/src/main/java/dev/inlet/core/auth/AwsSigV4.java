package dev.inlet.core.auth;

import dev.inlet.core.http.AsyncInterceptor;
import java.util.concurrent.CompletableFuture;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * AWS Signature Version 4, header form: every attempt gets a fresh {@code X-Amz-Date} and
 * {@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…}, plus
 * {@code X-Amz-Security-Token} for temporary credentials. Checked against AWS's published SigV4
 * test suite.
 *
 * <p>What is signed, following AWS's SDKs: the method; the canonical URI; the sorted, re-encoded
 * query; {@code host} as the client sends it (or {@link Builder#host(String)}); {@code content-length}
 * when the request has a non-empty body (its length, as the transport sends it); every other request header
 * present at signing time except hop-by-hop ones and those AWS's SDKs never sign
 * ({@code User-Agent}, {@code Expect}, {@code Connection}, {@code Transfer-Encoding},
 * {@code X-Amzn-Trace-Id} …); and the SHA-256 of the body bytes (or {@code UNSIGNED-PAYLOAD}).
 *
 * <p>To debug a {@code SignatureDoesNotMatch}, {@link #explain(Request)} shows the canonical request
 * and string to sign, secrets masked.
 *
 * <p>Defaults fit every AWS service except S3: paths are normalized and double-encoded (the path as
 * sent is URI-encoded once more). For S3 call {@link Builder#s3()}.
 *
 * <pre>{@code
 * Credentials aws = AwsSigV4.builder()
 *         .origin(Origin.of("https://abc123.execute-api.eu-west-1.amazonaws.com"))
 *         .region("eu-west-1").service("execute-api")
 *         .credentials(AwsCredentials.of("AKIA…", Secret.fromEnvironment("AWS_SECRET_ACCESS_KEY")))
 *         .build();
 * }</pre>
 */
public final class AwsSigV4 implements Credentials, AsyncInterceptor {

    private final OriginBound binding;
    private final String region;
    private final String service;
    private final Supplier<AwsCredentials> credentials;
    private final SigV4Canonical.Options options;
    private final Clock clock;

    private AwsSigV4(Builder b) {
        this.region = b.region;
        this.service = b.service;
        this.credentials = b.credentials;
        this.options = new SigV4Canonical.Options(b.doubleEncodePath, b.normalizePath, b.unsignedPayload,
                b.contentSha256Header, b.host, b.signContentLength);
        this.clock = b.clock;
        this.binding = new RequestAuthorizing(b.origin) {
            @Override
            Request authorize(Request request) {
                return sign(request).request();
            }
        };
    }

    /** A builder; origin, region, service and credentials are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean appliesTo(Origin origin) {
        return binding.appliesTo(origin);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return binding.intercept(chain);
    }

    @Override
    public CompletableFuture<Response> interceptAsync(AsyncChain chain) {
        return binding.interceptAsync(chain);
    }

    /** Signs the request as of now (the configured clock). */
    SigV4Canonical.Signed sign(Request request) {
        AwsCredentials keys = credentials.get();
        if (keys == null) {
            throw new AuthenticationException("The AWS credentials supplier returned no credentials", null, null, null,
                    "Make the supplier passed to AwsSigV4.Builder.credentials always return credentials", null);
        }
        return SigV4Canonical.sign(request, keys, region, service, clock.instant(), options);
    }

    /**
     * What this signer signs for {@code request} as of now (the configured clock): canonical request,
     * string to sign, signed headers, with secrets masked. Give it the request as it reaches the signer
     * (after any interceptor before it in the pipeline); only {@code X-Amz-Date} then differs from the
     * attempt that failed. Sends nothing.
     *
     * @throws AuthenticationException if the credentials supplier returns none
     */
    public SigningDetails explain(Request request) {
        Objects.requireNonNull(request, "request");
        return SigningDetails.of(sign(request), request.sensitiveParameters());
    }

    @Override
    public String toString() {
        return "AwsSigV4[" + service + " in " + region + ", for " + binding.origin()
                + (options.host() == null ? "" : ", signing host " + options.host()) + "]";
    }

    /**
     * Builds {@link AwsSigV4}; not thread-safe. Defaults: the payload signed (its SHA-256), no
     * {@code X-Amz-Content-Sha256} header, paths normalized and double-encoded, {@code host} from the
     * URI, {@code Content-Length} signed for requests with a body, the system UTC clock.
     */
    public static final class Builder {
        private Origin origin;
        private String region;
        private String service;
        private Supplier<AwsCredentials> credentials;
        private boolean unsignedPayload;
        private boolean contentSha256Header;
        private boolean doubleEncodePath = true;
        private boolean normalizePath = true;
        private Clock clock = Clock.systemUTC();
        private String host;
        private boolean signContentLength = true;

        private Builder() {
        }

        /** The origin (service endpoint) whose requests are signed; no other's. Required. */
        public Builder origin(Origin origin) {
            this.origin = OriginBound.checked(origin);
            return this;
        }

        /** The signing region, e.g. {@code us-east-1}. Required. */
        public Builder region(String region) {
            this.region = scopePart(region, "region");
            return this;
        }

        /** The signing name of the service, e.g. {@code execute-api}, {@code es}, {@code s3}. Required. */
        public Builder service(String service) {
            this.service = scopePart(service, "service");
            return this;
        }

        /** Fixed credentials. Required (this or a supplier). */
        public Builder credentials(AwsCredentials credentials) {
            Objects.requireNonNull(credentials, "credentials");
            this.credentials = () -> credentials;
            return this;
        }

        /**
         * Credentials asked for on every attempt, for temporary credentials the host renews. The
         * supplier must be thread-safe and quick (cache).
         */
        public Builder credentials(Supplier<AwsCredentials> credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * Signs {@code UNSIGNED-PAYLOAD} instead of the body's hash (S3, for bodies hashed elsewhere
         * or not at all), and sends it as {@code X-Amz-Content-Sha256}. Default false.
         */
        public Builder unsignedPayload(boolean unsigned) {
            this.unsignedPayload = unsigned;
            return this;
        }

        /** Sends (and signs) the payload hash as {@code X-Amz-Content-Sha256}, as S3 requires. Default false. */
        public Builder contentSha256Header(boolean send) {
            this.contentSha256Header = send;
            return this;
        }

        /** Whether the path as sent is URI-encoded once more (every service but S3). Default true. */
        public Builder doubleEncodePath(boolean doubleEncode) {
            this.doubleEncodePath = doubleEncode;
            return this;
        }

        /** Whether {@code .}, {@code ..} and repeated slashes are removed from the path. Default true. */
        public Builder normalizePath(boolean normalize) {
            this.normalizePath = normalize;
            return this;
        }

        /** S3's rules: no path normalization, single encoding, the {@code X-Amz-Content-Sha256} header. */
        public Builder s3() {
            return doubleEncodePath(false).normalizePath(false).contentSha256Header(true);
        }

        /**
         * The {@code Host} the service sees, signed instead of the URI's: for a VPC endpoint, tunnel or
         * reverse proxy in front of the service, such as {@code search-logs.eu-west-1.es.amazonaws.com}
         * ({@code host[:port]}). It is also set as the request's {@code Host} header for transports that
         * can send one; the JDK client always sends the URI's host, so the proxy or endpoint must set
         * {@code Host} to this value on the way in. Default: none, the URI's host.
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank() || !host.equals(host.strip()) || host.chars().anyMatch(c -> c <= ' ' || c == '/'
                    || c == '@' || c == '?' || c == '#' || c >= 0x7f)) {
                throw new IllegalArgumentException("the AWS signing host must be host[:port], without a scheme, "
                        + "path or spaces, e.g. search-logs.eu-west-1.es.amazonaws.com");
            }
            this.host = host.toLowerCase(Locale.ROOT);
            return this;
        }

        /**
         * Whether a request with a non-empty body signs its {@code Content-Length} (the body's length, as the
         * transport sends it), as AWS's SDKs do. Default true; false signs it never, as AWS's published
         * test suite does for its one request with a body.
         */
        public Builder signContentLength(boolean sign) {
            this.signContentLength = sign;
            return this;
        }

        /** The clock for {@code X-Amz-Date}. Default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The signer.
         *
         * @throws IllegalStateException if a required setting is missing
         */
        public AwsSigV4 build() {
            OAuth2Settings.require(origin, "origin");
            OAuth2Settings.require(region, "region");
            OAuth2Settings.require(service, "service");
            OAuth2Settings.require(credentials, "credentials");
            return new AwsSigV4(this);
        }

        private static String scopePart(String value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isBlank() || value.indexOf('/') >= 0 || !value.equals(value.trim())) {
                throw new IllegalArgumentException("the AWS " + what + " must be non-blank, without '/' or spaces");
            }
            return value;
        }
    }
}
