package dev.inlet.core.http;

import java.io.IOException;

/**
 * One cross-cutting concern of the request pipeline (credentials, rate limiting, logging,
 * signing …), as one small class. An interceptor looks at or replaces the request, calls
 * {@link Chain#proceed(Request)} to send it on, and looks at or replaces the response.
 *
 * <p>Interceptors run once per attempt: a retried request passes through all of them again, so
 * credentials and signatures are always fresh. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Interceptor {

    /**
     * Handles one attempt.
     *
     * @throws IOException if the exchange fails; the pipeline's retry policy decides what happens next
     */
    Response intercept(Chain chain) throws IOException;

    /**
     * The names of the query parameters whose values this interceptor adds as secrets (an API key in
     * the query). The pipeline marks every request with them, so every URL it formats, logs, stores
     * or reports masks them, and a next-page URL that echoes them is stored without them (this
     * interceptor adds them again on every attempt). None by default.
     */
    default java.util.Set<String> sensitiveParameters() {
        return java.util.Set.of();
    }

    /**
     * The rest of the pipeline, as seen by one interceptor: the links after it, then the transport.
     *
     * <p>An interceptor calls {@link #proceed} once per {@code intercept} as a rule, zero times when
     * it answers without sending, and at most {@code 1 + max(1, maxRedirects)} times in all (the
     * pipeline's {@code maxRedirects}, 5 by default, so 6), each call only after the previous one
     * returned. The chain checks both and throws {@link IllegalStateException} otherwise.
     */
    interface Chain {

        /** The request as it reaches this interceptor. */
        Request request();

        /**
         * Sends the request through the remaining interceptors and the transport.
         *
         * <p><b>How often.</b> Usually once. It may be called again, but only after the previous call
         * returned: each call sends the given request through the remaining links once more, as a
         * replay after renewing a credential or a redirect hop does. A chain allows at most
         * {@code 1 + max(1, maxRedirects)} calls (the pipeline's {@code maxRedirects}, 5 by default):
         * the first send, then one replay or every redirect hop the pipeline allows. A further call,
         * or a call while another call on the same chain is still running, throws
         * {@link IllegalStateException}. An interceptor that answers without sending calls it zero times.
         *
         * @throws IllegalStateException when called more often than allowed, or concurrently
         */
        Response proceed(Request request) throws IOException;

        /** Facts about the logical call this attempt belongs to. */
        CallContext call();
    }
}
