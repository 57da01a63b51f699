package dev.inlet.core.http;

import java.util.concurrent.CompletableFuture;

/**
 * An {@link Interceptor} that can also handle an attempt without holding a thread while the rest of the
 * pipeline works: {@link #interceptAsync} returns a future instead of waiting for
 * {@link AsyncChain#proceedAsync}. {@link HttpPipeline#sendAsync} sends a request without a thread per
 * waiting request only when every link of the pipeline is an {@code AsyncInterceptor} and the transport
 * {@linkplain Transport#sendsAsynchronously() sends asynchronously}; otherwise it runs the synchronous
 * chain on a waiting thread. Every built-in link (redirects, circuit breaker, rate limiter, all built-in
 * credentials, events, body decoding, read timeout) is one.
 *
 * <p>Both methods must do the same thing: the pipeline picks one per call. {@code interceptAsync} must
 * not block for long (it runs on the thread that completed the previous step: the caller's, a timer's
 * continuation or the transport's completion) and must not throw: it reports a failure by returning a
 * failed future (an {@link java.io.IOException} for a failed exchange, as {@code intercept} throws).
 * The calling rules of {@link Interceptor.Chain#proceed} apply to {@link AsyncChain#proceedAsync}: call
 * it again only after the previous future completed. Implementations must be thread-safe.
 */
public interface AsyncInterceptor extends Interceptor {

    /**
     * Handles one attempt asynchronously.
     *
     * @return the response, or a future failed with the exception {@code intercept} would throw
     */
    CompletableFuture<Response> interceptAsync(AsyncChain chain);

    /** The rest of the pipeline as an asynchronous interceptor sees it (see {@link Interceptor.Chain}). */
    interface AsyncChain {

        /** The request as it reaches this interceptor. */
        Request request();

        /**
         * Sends the request through the remaining links and the transport; the future completes with
         * the response (body still streaming) or fails with what {@link Interceptor.Chain#proceed} would
         * throw. Never throws itself: a call breaking the rules of {@code proceed} gives a future failed
         * with {@link IllegalStateException}.
         */
        CompletableFuture<Response> proceedAsync(Request request);

        /** Facts about the logical call this attempt belongs to. */
        CallContext call();
    }
}
