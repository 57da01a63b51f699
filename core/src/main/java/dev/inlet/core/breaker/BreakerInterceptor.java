package dev.inlet.core.breaker;

import dev.inlet.core.error.CircuitOpenException;
import dev.inlet.core.http.Interceptor;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import java.io.IOException;
import java.time.Duration;

/**
 * The pipeline's circuit-breaker link: refuses a request while its host's circuit is open, and
 * records each outcome. Runs before the rate limiter, so a refused request never waits for a permit.
 */
final class BreakerInterceptor implements Interceptor {

    private final CircuitBreakers registry;
    private final BreakerPolicy policy;

    BreakerInterceptor(CircuitBreakers registry, BreakerPolicy policy) {
        this.registry = registry;
        this.policy = policy;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String host = request.origin().authority();
        HostBreaker breaker = registry.breakerFor(host, policy);
        if (!breaker.tryAcquire()) {
            Duration left = breaker.remainingOpen();
            String why = left.isZero() ? "a trial request to " + host + " is under way"
                    : host + " failed " + breaker.policy().failures() + " of its last " + breaker.policy().outOf()
                            + " requests";
            throw new CircuitOpenException(host, request + " was not sent: " + why,
                    chain.call().clock().instant().plus(left));
        }
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            breaker.failure();
            throw e;
        } catch (RuntimeException e) {
            // Not the host's doing (a rate limit refused to wait, an interceptor bug): releases the permit.
            breaker.success();
            throw e;
        }
        if (breaker.policy().isFailure(response.status())) {
            breaker.failure();
        } else {
            breaker.success();
        }
        return response;
    }

    @Override
    public String toString() {
        return "CircuitBreaker[per host, " + policy + "]";
    }
}
