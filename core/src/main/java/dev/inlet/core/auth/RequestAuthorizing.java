package dev.inlet.core.auth;

import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * A credential whose whole work is adding to the request (a header, a cookie, a signature): one step,
 * {@link #authorize}, for the synchronous and the asynchronous chain alike.
 */
abstract class RequestAuthorizing extends OriginBound {

    RequestAuthorizing(Origin origin) {
        super(origin);
    }

    /** The request as it leaves, credential added. */
    abstract Request authorize(Request request);

    @Override
    final Response authenticate(Chain chain, Request request) throws IOException {
        return chain.proceed(authorize(request));
    }

    @Override
    final CompletableFuture<Response> authenticateAsync(AsyncChain chain, Request request) {
        return chain.proceedAsync(authorize(request));
    }
}
