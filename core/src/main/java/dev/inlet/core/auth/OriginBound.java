package dev.inlet.core.auth;

import dev.inlet.core.internal.Futures;
import dev.inlet.core.http.AsyncInterceptor;
import java.util.concurrent.CompletableFuture;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import java.io.IOException;
import java.util.Objects;

/**
 * The part every credential shares: it authenticates requests for its one origin and passes every
 * other request through untouched.
 */
abstract class OriginBound implements Credentials, AsyncInterceptor {

    private final Origin origin;

    OriginBound(Origin origin) {
        this.origin = checked(origin);
    }

    /** The origin these credentials authenticate. */
    final Origin origin() {
        return origin;
    }

    @Override
    public final boolean appliesTo(Origin other) {
        return origin.equals(other);
    }

    @Override
    public final Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!appliesTo(request.origin())) {
            return chain.proceed(request);
        }
        return authenticate(chain, request);
    }

    /** Sends the request, authenticated, through the rest of the chain. */
    @Override
    public final CompletableFuture<Response> interceptAsync(AsyncChain chain) {
        Request request = chain.request();
        if (!appliesTo(request.origin())) {
            return chain.proceedAsync(request);
        }
        return Futures.attempt(() -> authenticateAsync(chain, request));
    }

    abstract Response authenticate(Chain chain, Request request) throws IOException;

    /** {@link #authenticate} without waiting: the same request, the future of its response. */
    abstract CompletableFuture<Response> authenticateAsync(AsyncChain chain, Request request);

    static Origin checked(Origin origin) {
        Objects.requireNonNull(origin, "origin");
        if (!origin.scheme().equals("http") && !origin.scheme().equals("https") || origin.host().isEmpty()
                || origin.port() <= 0) {
            throw new IllegalArgumentException("credentials need an http(s) origin with a host, got " + origin);
        }
        return origin;
    }
}
