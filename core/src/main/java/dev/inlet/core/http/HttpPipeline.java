package dev.inlet.core.http;

import dev.inlet.core.HttpStatusException;
import dev.inlet.core.InletException;
import dev.inlet.core.InletListener;
import dev.inlet.core.OpenPage;
import dev.inlet.core.Position;
import dev.inlet.core.Sleeper;
import dev.inlet.core.TransportException;
import dev.inlet.core.retry.Attempts;
import dev.inlet.core.retry.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP request pipeline that REST and GraphQL connectors share: a chain of
 * {@link Interceptor}s ending in a {@link Transport}, run once per attempt under a
 * {@link RetryPolicy}.
 *
 * <p>How a call flows: the retry loop (outermost) runs attempts; each attempt follows redirects
 * hop by hop; each hop passes through the caller's interceptors (in the order added), then the
 * circuit breaker, the rate limiter and the credentials (each if configured), then the listener's
 * request/response events, then the transport. So a retried or redirected request
 * gets fresh credentials, and a redirect to another origin gets none. Immutable and thread-safe.
 */
public final class HttpPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPipeline.class);
    private static final HttpPipeline DEFAULTS = builder().build();

    private final Transport transport;
    private final List<Interceptor> userInterceptors;
    private final Interceptor circuitBreaker;
    private final Interceptor rateLimiter;
    private final Interceptor credentials;
    private final List<Interceptor> interceptors;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final InletListener listener;
    private final Duration requestTimeout;
    private final int maxRedirects;

    private HttpPipeline(Builder b) {
        this.transport = b.transport;
        this.retryPolicy = b.retryPolicy;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.listener = b.listener;
        this.requestTimeout = b.requestTimeout;
        this.maxRedirects = b.maxRedirects;
        this.userInterceptors = List.copyOf(b.interceptors);
        this.circuitBreaker = b.circuitBreaker;
        this.rateLimiter = b.rateLimiter;
        this.credentials = b.credentials;
        List<Interceptor> links = new ArrayList<>();
        links.add(new RedirectGuard());
        links.addAll(userInterceptors);
        for (Interceptor slot : new Interceptor[] {circuitBreaker, rateLimiter, credentials}) {
            if (slot != null) {
                links.add(slot);
            }
        }
        links.add(new ExchangeEvents());
        this.interceptors = List.copyOf(links);
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

    /**
     * Sends a request, retrying per the policy, and hands the successful response to the handler
     * inside the retry scope.
     *
     * @throws HttpStatusException for a non-2xx status that is not (or no longer) retried
     * @throws InletException for any other failure after retries
     */
    public <R> R execute(Request request, ResponseHandler<R> handler) {
        Objects.requireNonNull(handler, "handler");
        Call call = new Call(keyed(request));
        while (true) {
            try (Response response = call.attempt()) {
                try {
                    return handler.handle(response);
                } catch (IOException e) {
                    throw transportFailure(call.request, e);
                }
            } catch (InletException failure) {
                call.retryAfter(failure);
            }
        }
    }

    /**
     * Sends a request with retries and returns the successful response, body unread. The caller must
     * close it. A body that fails later is not retried here; use {@link #execute} or
     * {@link #openPage} for that.
     */
    public Response send(Request request) {
        Call call = new Call(keyed(request));
        while (true) {
            try {
                return call.attempt();
            } catch (InletException failure) {
                call.retryAfter(failure);
            }
        }
    }

    /**
     * Opens a page whose records are decoded as they are read. A failure anywhere, from the request
     * to the last byte of the body, is retried per the policy within one budget; after a mid-body
     * failure the page is fetched again and the records already delivered are skipped.
     */
    public OpenPage openPage(Position position, Request request, PageDecoder decoder) {
        return new RetryingPage(this, position, keyed(request), decoder);
    }

    /** The request with an idempotency key if it is not idempotent and the policy adds keys. */
    private Request keyed(Request request) {
        Optional<String> header = retryPolicy.idempotencyKeyHeader();
        if (request.isIdempotent() || header.isEmpty() || request.headers().contains(header.get())) {
            return request;
        }
        return request.toBuilder().header(header.get(), UUID.randomUUID().toString()).build();
    }

    /** One logical call: attempts through the chain, with the policy's accounting and waits. */
    final class Call {
        final Request request;
        final Attempts attempts;
        final Optional<String> idempotencyKey;

        Call(Request request) {
            this.request = request;
            this.idempotencyKey = retryPolicy.idempotencyKeyHeader().flatMap(h -> request.headers().first(h));
            this.attempts = retryPolicy.begin(clock, request.isIdempotent() || idempotencyKey.isPresent());
        }

        /** One attempt: a 2xx response, or an exception. */
        Response attempt() {
            CallContext context = new CallContext(attempts.attempt(), idempotencyKey, attempts.deadline(), clock,
                    sleeper, listener);
            Response response;
            try {
                response = new RealChain(0, request, context).proceed(request);
            } catch (IOException e) {
                throw transportFailure(request, e);
            }
            if (!response.isSuccessful()) {
                String excerpt = response.excerptAndClose(BodyExcerpt.DEFAULT_BYTES);
                throw new HttpStatusException(response.info(), excerpt, null);
            }
            return response;
        }

        /** Waits before the next attempt, or rethrows when the policy says stop. */
        void retryAfter(InletException failure) {
            Duration wait = attempts.nextWait(failure, request.toString());
            String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            LOG.info("Retrying {} (attempt {} of {}) in {} ms: {}", request, attempts.attempt(),
                    retryPolicy.maxAttempts(), wait.toMillis(), reason);
            InletListener.RetryScheduled event = new InletListener.RetryScheduled(request.connector(),
                    request.method(), request.redactedUri(), attempts.attempt() - 1, wait, reason);
            safely(() -> listener.retryScheduled(event));
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("Interrupted while waiting to retry " + request, false, e);
            }
        }
    }

    static TransportException transportFailure(Request request, IOException e) {
        boolean timeout = e instanceof HttpTimeoutException || e instanceof java.net.SocketTimeoutException
                || e instanceof InterruptedIOException && !(e.getCause() instanceof InterruptedException);
        String detail = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new TransportException(request + (timeout ? " timed out: " : " failed: ") + detail, timeout, e);
    }

    private static void safely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("An InletListener failed; the call goes on", e);
        }
    }

    Duration timeoutFor(Request request, CallContext context) {
        Duration timeout = request.timeout().orElse(requestTimeout);
        Duration left = Duration.between(clock.instant(), context.deadline());
        return left.compareTo(timeout) < 0 && !left.isNegative() && !left.isZero() ? left : timeout;
    }

    /** The chain an interceptor sees: the links after it, then the transport. */
    private final class RealChain implements Interceptor.Chain {
        private final int index;
        private final Request request;
        private final CallContext context;

        RealChain(int index, Request request, CallContext context) {
            this.index = index;
            this.request = request;
            this.context = context;
        }

        @Override
        public Request request() {
            return request;
        }

        @Override
        public CallContext call() {
            return context;
        }

        @Override
        public Response proceed(Request next) throws IOException {
            Objects.requireNonNull(next, "request");
            if (index < interceptors.size()) {
                Response response = interceptors.get(index).intercept(new RealChain(index + 1, next, context));
                if (response == null) {
                    throw new IllegalStateException("interceptor " + interceptors.get(index).getClass().getName()
                            + " returned no response");
                }
                return response;
            }
            return transport.send(next, timeoutFor(next, context));
        }
    }

    /**
     * Follows redirects hop by hop, each hop through the links after this one (so credentials are
     * re-decided per hop), dropping credential headers when a hop leaves the origin.
     */
    private final class RedirectGuard implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            Response response = chain.proceed(request);
            for (int hop = 0; hop < maxRedirects && Redirects.isRedirect(response); hop++) {
                Optional<Request> next = Redirects.follow(request, response);
                if (next.isEmpty()) {
                    return response;
                }
                response.close();
                request = next.get();
                response = chain.proceed(request);
            }
            return response;
        }
    }

    /** Emits request/response events and DEBUG logs for every hop that reaches the transport. */
    private final class ExchangeEvents implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            int attempt = chain.call().attempt();
            InletListener.RequestSent sent = new InletListener.RequestSent(request.connector(), request.method(),
                    request.redactedUri(), attempt);
            safely(() -> listener.requestSent(sent));
            if (LOG.isDebugEnabled()) {
                LOG.debug("--> {} (attempt {}) headers={}", request, attempt, request.headers());
            }
            Instant start = clock.instant();
            Response response = chain.proceed(request);
            if (LOG.isDebugEnabled()) {
                LOG.debug("<-- {} {} in {} ms", response.status(), request, response.elapsedMillis());
            }
            Duration elapsed = Duration.between(start, clock.instant());
            InletListener.ResponseReceived received = new InletListener.ResponseReceived(request.connector(),
                    request.method(), request.redactedUri(), response.status(),
                    elapsed.isNegative() ? Duration.ZERO : elapsed, attempt);
            safely(() -> listener.responseReceived(received));
            return response;
        }
    }

    /**
     * Builds an {@link HttpPipeline}; not thread-safe.
     *
     * <p>Defaults: {@link Transport#jdk()}; no interceptors; {@link RetryPolicy#defaults()}; the system
     * UTC clock; the real sleeper; no listener; a 30-second request timeout (until response headers);
     * up to 5 redirects followed.
     */
    public static final class Builder {
        private Transport transport = Transport.jdk();
        private final List<Interceptor> interceptors = new ArrayList<>();
        private Interceptor circuitBreaker;
        private Interceptor rateLimiter;
        private Interceptor credentials;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private InletListener listener = InletListener.none();
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxRedirects = 5;

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
            maxRedirects = p.maxRedirects;
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

        /** How long an attempt waits for response headers, unless the request sets its own. */
        public Builder requestTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("request timeout must be positive, was " + timeout);
            }
            this.requestTimeout = timeout;
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

        /** The immutable pipeline. */
        public HttpPipeline build() {
            return new HttpPipeline(this);
        }
    }
}
