package dev.inlet.core.http;

import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.error.InletException;
import dev.inlet.core.InletListener;
import dev.inlet.core.OpenPage;
import dev.inlet.core.Position;
import dev.inlet.core.ReadLimits;
import dev.inlet.core.Sleeper;
import dev.inlet.core.internal.Futures;
import dev.inlet.core.internal.WaitingThreads;
import dev.inlet.core.retry.RetryPolicy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP request pipeline that REST and GraphQL connectors share: a chain of
 * {@link Interceptor}s ending in a {@link Transport}, run once per attempt under a
 * {@link RetryPolicy}.
 *
 * <p>How a call flows: the retry loop ({@code RetryLoop}, outermost) runs attempts; each attempt
 * follows redirects hop by hop; each hop passes through the caller's interceptors (in the order
 * added), then the circuit breaker, the rate limiter and the credentials (each if configured), then
 * the listener's request/response events, then the body links (content decoding with the
 * {@link ReadLimits}, then the {@linkplain #readTimeout() read timeout} on the wire bytes), then the
 * transport. So a retried or redirected request gets fresh credentials, and a redirect to another
 * origin gets none. Immutable and thread-safe.
 */
public final class HttpPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPipeline.class);
    private static final HttpPipeline DEFAULTS = builder().build();

    private final Transport transport;
    private final List<Interceptor> userInterceptors;
    private final Interceptor circuitBreaker;
    private final Interceptor rateLimiter;
    private final Interceptor credentials;
    private final List<Interceptor> links;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final InletListener listener;
    private final Duration requestTimeout;
    private final Duration readTimeout;
    private final int maxRedirects;
    private final Set<Origin> allowedRedirectOrigins;
    private final ReadLimits limits;
    private final Logger log;
    private final Set<String> sensitiveParameters;
    private final boolean asyncLinks;

    private HttpPipeline(Builder b) {
        this.transport = b.transport;
        this.retryPolicy = b.retryPolicy;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.listener = b.listener;
        this.requestTimeout = b.requestTimeout;
        this.readTimeout = b.readTimeout;
        this.maxRedirects = b.maxRedirects;
        this.allowedRedirectOrigins = Set.copyOf(b.allowedRedirectOrigins);
        this.limits = b.limits;
        this.log = b.log;
        this.userInterceptors = List.copyOf(b.interceptors);
        this.circuitBreaker = b.circuitBreaker;
        this.rateLimiter = b.rateLimiter;
        this.credentials = b.credentials;
        List<Interceptor> chain = new ArrayList<>();
        chain.add(new RedirectGuard(maxRedirects, allowedRedirectOrigins));
        chain.addAll(userInterceptors);
        for (Interceptor slot : new Interceptor[] {circuitBreaker, rateLimiter, credentials}) {
            if (slot != null) {
                chain.add(slot);
            }
        }
        chain.add(new ExchangeEvents(listener, clock, log));
        chain.add(new BodyDecoding(limits, clock));
        if (!readTimeout.isZero()) {
            chain.add(new ReadTimeout(readTimeout));
        }
        this.links = List.copyOf(chain);
        this.asyncLinks = links.stream().allMatch(link -> link instanceof AsyncInterceptor);
        this.sensitiveParameters = links.stream().flatMap(link -> link.sensitiveParameters().stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The query parameters whose values the pipeline's interceptors add as secrets (an API key in
     * the query). Every request the pipeline sends is marked with them, so its URL is masked wherever
     * it is shown; sources strip them from next-page URLs before storing a position.
     */
    public Set<String> sensitiveParameters() {
        return sensitiveParameters;
    }

    /** The request marked with the pipeline's {@link #sensitiveParameters()}. */
    public Request marked(Request request) {
        Objects.requireNonNull(request, "request");
        if (request.sensitiveParameters().containsAll(sensitiveParameters)) {
            return request;
        }
        Request.Builder b = request.toBuilder();
        sensitiveParameters.forEach(b::sensitiveParameter);
        return b.build();
    }

    /** The default pipeline: JDK transport, default retry policy, no interceptors. */
    public static HttpPipeline defaults() {
        return DEFAULTS;
    }

    /** A builder with the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this pipeline's configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The retry policy. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The clock used for budgets, hints and timings. */
    public Clock clock() {
        return clock;
    }

    /** The sleeper used for every wait. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** The listener receiving request, response and retry events. */
    public InletListener listener() {
        return listener;
    }

    /** How long an attempt waits for the response head, unless the request sets its own. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** How long a body read may wait for its next byte; zero for no limit. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** How much of a response is read before a {@link dev.inlet.core.error.LimitExceededException}. */
    public ReadLimits limits() {
        return limits;
    }

    /**
     * Sends a request, retrying per the policy, and hands the successful response to the handler
     * inside the retry scope: a body that fails to read or decode is retried like a failed request.
     *
     * @throws HttpStatusException for a non-2xx status that is not (or no longer) retried
     * @throws InletException for any other failure after retries
     */
    public <R> R execute(Request request, ResponseHandler<R> handler) {
        Objects.requireNonNull(handler, "handler");
        PipelineCall call = PipelineCall.of(this, request);
        return RetryLoop.run(call, () -> {
            try (Response response = call.attempt()) {
                return handler.handle(response);
            } catch (IOException e) {
                throw PipelineCall.transportFailure(call.request, e);
            }
        });
    }

    /**
     * Sends a request with retries and returns the successful response, body unread. The caller must
     * close it. A body that fails later is not retried here; use {@link #execute} or
     * {@link #openPage} for that.
     */
    public Response send(Request request) {
        PipelineCall call = PipelineCall.of(this, request);
        return RetryLoop.run(call, call::attempt);
    }

    /**
     * Sends a request as {@link #send} does (same links, retries, waits, events and exceptions) and
     * returns at once: the future completes with the successful response, body unread (the caller must
     * close it), or fails with the {@link InletException} {@code send} would throw ({@code join()} wraps
     * it in a {@link java.util.concurrent.CompletionException}, as for any future).
     *
     * <p><b>Threads.</b> When the pipeline {@linkplain #sendsAsynchronously() sends asynchronously}, no
     * thread waits: not for the response (the transport's asynchronous API), not for a rate-limit permit
     * or a retry's backoff (the sleeper's {@link Sleeper#delay}). Otherwise the synchronous call runs
     * on a waiting thread: a virtual thread on Java 21+, else one of a shared pool of
     * 64 daemon threads (calls beyond them
     * queue).
     *
     * <p><b>Cancelling</b> the future stops further attempts and waits; an exchange already under way
     * finishes, and its response is closed, so no connection leaks.
     */
    public CompletableFuture<Response> sendAsync(Request request) {
        Objects.requireNonNull(request, "request");
        if (!sendsAsynchronously()) {
            return Futures.supplyClosing(() -> send(request), WaitingThreads.shared());
        }
        PipelineCall call = PipelineCall.of(this, request);
        return RetryLoop.runAsync(call, call::attemptAsync);
    }

    /**
     * Whether {@link #sendAsync} holds no thread while a call waits: true when the transport
     * {@linkplain Transport#sendsAsynchronously() sends asynchronously} (such as {@link Transport#jdk()})
     * and every link of the chain is an {@link AsyncInterceptor} (all the built-in ones are; an
     * interceptor added with {@link Builder#addInterceptor} must be one too).
     */
    public boolean sendsAsynchronously() {
        return asyncLinks && transport.sendsAsynchronously();
    }

    /**
     * Opens a page whose records are decoded as they are read. A failure anywhere, from the request
     * to the last byte of the body, is retried per the policy within one budget; after a mid-body
     * failure the page is fetched again and the records already delivered are skipped.
     */
    public OpenPage openPage(Position position, Request request, PageDecoder decoder) {
        return new RetryingPage(PipelineCall.of(this, request), position, decoder);
    }

    /**
     * Opens a page as {@link #openPage} does (same retries, the records decoded as they are read, a
     * mid-body failure fetching the page again), without waiting: the future completes once the page's
     * response arrived and its decoding started, or fails with the {@link InletException}
     * {@code openPage} would throw. Threads as for {@link #sendAsync}: none waits when the pipeline
     * {@linkplain #sendsAsynchronously() sends asynchronously}. Reading the page's records happens on
     * the caller's thread as usual. Cancelling the future closes a page that arrives afterwards.
     */
    public CompletableFuture<OpenPage> openPageAsync(Position position, Request request, PageDecoder decoder) {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(decoder, "decoder");
        if (!sendsAsynchronously()) {
            return Futures.supplyClosing(() -> openPage(position, request, decoder), WaitingThreads.shared());
        }
        PipelineCall call = PipelineCall.of(this, request);
        CompletableFuture<OpenPage> first = RetryLoop.runAsync(call,
                () -> call.attemptAsync().thenApply(response -> RetryingPage.decode(decoder, response, position)));
        return Futures.closingIfCancelled(first, page -> new RetryingPage(call, position, decoder, page));
    }

    List<Interceptor> links() {
        return links;
    }

    Transport transport() {
        return transport;
    }

    int maxRedirects() {
        return maxRedirects;
    }

    Logger log() {
        return log;
    }

    /**
     * Builds an {@link HttpPipeline}; not thread-safe.
     *
     * <p>Defaults: {@link Transport#sockets()} (HTTP/1.1 on blocking sockets, 10-second connect timeout;
     * proxied origins through {@link Transport#jdk()}); no interceptors;
     * {@link RetryPolicy#defaults()}; the system UTC clock; the real sleeper; no listener; a
     * 30-second request timeout (until the response head); a 30-second read timeout (between body
     * bytes); up to 5 redirects followed, within the request's origin only (a redirect elsewhere is
     * an {@link dev.inlet.core.error.OriginRefusedException} unless {@link #allowRedirectsTo allowed});
     * {@link ReadLimits#defaults()} (1 GiB and 10 minutes of body, 8 MiB per record, 5,000,000
     * characters per string, compression up to 100 to 1); {@code Accept-Encoding: gzip, deflate}
     * sent unless a request sets its own.
     */
    public static final class Builder {
        private Transport transport = Transport.sockets();
        private final List<Interceptor> interceptors = new ArrayList<>();
        private Interceptor circuitBreaker;
        private Interceptor rateLimiter;
        private Interceptor credentials;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private InletListener listener = InletListener.none();
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(30);
        private int maxRedirects = 5;
        private final Set<Origin> allowedRedirectOrigins = new HashSet<>();
        private ReadLimits limits = ReadLimits.defaults();
        private Logger log = LOG;

        private Builder() {
        }

        private Builder(HttpPipeline p) {
            transport = p.transport;
            interceptors.addAll(p.userInterceptors);
            circuitBreaker = p.circuitBreaker;
            rateLimiter = p.rateLimiter;
            credentials = p.credentials;
            retryPolicy = p.retryPolicy;
            clock = p.clock;
            sleeper = p.sleeper;
            listener = p.listener;
            requestTimeout = p.requestTimeout;
            readTimeout = p.readTimeout;
            maxRedirects = p.maxRedirects;
            allowedRedirectOrigins.addAll(p.allowedRedirectOrigins);
            limits = p.limits;
            log = p.log;
        }

        /** The transport at the end of the chain. */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** Appends an interceptor; interceptors run in the order added, before the transport. */
        public Builder addInterceptor(Interceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * The circuit breaker link: runs after the caller's interceptors, before rate limiting, so an
         * open circuit fails fast without waiting for a permit. Null removes it.
         */
        public Builder circuitBreaker(Interceptor breaker) {
            this.circuitBreaker = breaker;
            return this;
        }

        /**
         * The rate-limiting link: runs before credentials, so a request that waits for a permit is
         * signed only when it leaves (signatures with timestamps stay fresh). Null removes it.
         */
        public Builder rateLimiter(Interceptor limiter) {
            this.rateLimiter = limiter;
            return this;
        }

        /**
         * The credentials link: the last before the transport, applied on every attempt and every
         * redirect hop, so retried requests carry fresh credentials. Null removes it.
         */
        public Builder credentials(Interceptor credentials) {
            this.credentials = credentials;
            return this;
        }

        /** The retry policy for every call. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The clock for budgets, server hints and timings. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The sleeper for every wait (tests pass one that advances a fake clock). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The listener for request, response and retry events. */
        public Builder listener(InletListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * How long an attempt waits for the response head, unless the request sets its own. Never
         * longer than what is left of the call's retry budget. Default 30 s.
         */
        public Builder requestTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("request timeout must be positive, was " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * How long a read of the response body may wait for its next byte before the attempt fails
         * with a retryable timeout. The request timeout covers only the wait for the response head;
         * this covers a server that stalls in the middle of a body. Zero turns it off. Default 30 s.
         */
        public Builder readTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("read timeout must not be negative, was " + timeout);
            }
            this.readTimeout = timeout;
            return this;
        }

        /**
         * How much of a response to read and hold before failing with a non-retryable
         * {@link dev.inlet.core.error.LimitExceededException}: body size and reading time, record size,
         * string, number and nesting limits, compression ratio. Default {@link ReadLimits#defaults()}.
         */
        public Builder limits(ReadLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Where the pipeline logs; tests capture it. */
        Builder logger(Logger logger) {
            this.log = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /** How many redirects to follow per attempt (0 to return redirects as responses). */
        public Builder maxRedirects(int maxRedirects) {
            if (maxRedirects < 0) {
                throw new IllegalArgumentException("maxRedirects must be >= 0, was " + maxRedirects);
            }
            this.maxRedirects = maxRedirects;
            return this;
        }

        /**
         * Lets redirects lead to this origin too. By default a redirect to an origin other than the
         * request's is refused with an {@link dev.inlet.core.error.OriginRefusedException} (and an
         * {@link InletListener#originRefused} event): its answer would be taken for the API's.
         * Credentials are never sent to an allowed origin unless they are configured for it.
         */
        public Builder allowRedirectsTo(Origin origin) {
            allowedRedirectOrigins.add(Objects.requireNonNull(origin, "origin"));
            return this;
        }

        /** The immutable pipeline. */
        public HttpPipeline build() {
            return new HttpPipeline(this);
        }
    }
}
