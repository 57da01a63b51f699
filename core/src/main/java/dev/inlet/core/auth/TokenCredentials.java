package dev.inlet.core.auth;

import dev.inlet.core.internal.Futures;
import java.util.concurrent.CompletableFuture;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a cached token with each request for its origin, and answers a 401 with one refresh and one
 * replay: the token that was refused is replaced (once, however many requests were refused with it)
 * and the request is sent again with the new one. A second 401 is returned as it is, and the
 * pipeline reports it (a 401 is never retried), so a refused token never loops.
 */
final class TokenCredentials extends OriginBound {

    private static final Logger LOG = LoggerFactory.getLogger(TokenCredentials.class);

    private final TokenCache cache;
    private final String header;
    private final String prefix;

    /**
     * Token credentials.
     *
     * @param header the header carrying the token, e.g. {@code Authorization}
     * @param prefix what precedes the token in the header, e.g. {@code "Bearer "}
     */
    TokenCredentials(Origin origin, TokenCache cache, String header, String prefix) {
        super(origin);
        this.cache = cache;
        this.header = HeaderCredentials.requireMaskedHeader(header);
        this.prefix = prefix;
    }

    TokenCache cache() {
        return cache;
    }

    @Override
    Response authenticate(Chain chain, Request request) throws IOException {
        AccessToken token = cache.get();
        Response response = chain.proceed(withToken(request, token));
        if (response.status() != 401) {
            return response;
        }
        return chain.proceed(renewed(request, token, response));
    }

    /**
     * As {@link #authenticate}. The token comes from the cache, so only a renewal (rare: at expiry, or
     * once after a 401) holds the thread for the token endpoint's request.
     */
    @Override
    CompletableFuture<Response> authenticateAsync(AsyncChain chain, Request request) {
        AccessToken token = cache.get();
        return chain.proceedAsync(withToken(request, token)).thenCompose(response -> response.status() != 401
                ? CompletableFuture.completedFuture(response)
                : Futures.attempt(() -> chain.proceedAsync(renewed(request, token, response))));
    }

    /** After a 401: closes it, renews the token the request carried, and returns the request to replay. */
    private Request renewed(Request request, AccessToken token, Response refused) {
        refused.close();
        LOG.debug("{} was refused with 401; renewing the token and sending it once more", request);
        return withToken(request, cache.replace(token));
    }

    private Request withToken(Request request, AccessToken token) {
        return request.toBuilder().header(header, prefix + token.value().reveal()).build();
    }
}
