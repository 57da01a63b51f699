package dev.inlet.core.breaker;

import dev.inlet.core.error.CircuitOpenException;
import dev.inlet.core.http.AsyncInterceptor;
import dev.inlet.core.http.CallContext;
import dev.inlet.core.internal.Futures;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The pipeline's circuit-breaker link: refuses a request while its host's circuit is open, and
 * records each outcome. Runs before the rate limiter, so a refused request never waits for a permit.
 */
final class BreakerInterceptor implements AsyncInterceptor {

    private final CircuitBreakers registry;
    private final BreakerPolicy policy;

    BreakerInterceptor(CircuitBreakers registry, BreakerPolicy policy) {
        this.registry = registry;
        this.policy = policy;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HostBreaker breaker = permit(request, chain.call());
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException | RuntimeException e) {
            settle(breaker, null, e);
            throw e;
        }
        settle(breaker, response, null);
        return response;
    }

    @Override
    public CompletableFuture<Response> interceptAsync(AsyncChain chain) {
        Request request = chain.request();
        HostBreaker breaker;
        try {
            breaker = permit(request, chain.call());
        } catch (CircuitOpenException open) {
            return CompletableFuture.failedFuture(open);
        }
        return chain.proceedAsync(request)
                .whenComplete((response, failure) -> settle(breaker, response, failure == null ? null : Futures.cause(failure)));
    }

    /** The host's breaker, having taken a permit from it; throws when the circuit is open. */
    private HostBreaker permit(Request request, CallContext call) {
        String host = request.origin().authority();
        HostBreaker breaker = registry.breakerFor(host, policy);
        if (!breaker.tryAcquire()) {
            Duration left = breaker.remainingOpen();
            String why = left.isZero() ? "a trial request to " + host + " is under way"
                    : host + " failed " + breaker.policy().failures() + " of its last " + breaker.policy().outOf()
                            + " requests";
            throw new CircuitOpenException(host, request + " was not sent: " + why, call.clock().instant().plus(left));
        }
        return breaker;
    }

    /** Records the attempt's outcome: a failed exchange or a failure status counts against the host. */
    private static void settle(HostBreaker breaker, Response response, Throwable failure) {
        if (failure instanceof IOException) {
            breaker.failure();
        } else if (failure != null) {
            // Not the host's doing (a rate limit refused to wait, an interceptor bug): releases the permit.
            breaker.success();
        } else if (breaker.policy().isFailure(response.status())) {
            breaker.failure();
        } else {
            breaker.success();
        }
    }

    @Override
    public String toString() {
        return "CircuitBreaker[per host, " + policy + "]";
    }
}
