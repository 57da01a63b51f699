package dev.inlet.core.http;

import dev.inlet.core.InletListener;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Emits request/response events and DEBUG logs for every hop that reaches the transport. URLs are
 * shown redacted ({@link Request#toString()}) and headers masked ({@code Headers.toString()}).
 */
final class ExchangeEvents implements Interceptor {

    private final InletListener listener;
    private final Clock clock;
    private final Logger log;

    ExchangeEvents(InletListener listener, Clock clock, Logger log) {
        this.listener = listener;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        int attempt = chain.call().attempt();
        InletListener.RequestSent sent = new InletListener.RequestSent(request.connector(), request.method(),
                request.redactedUri(), attempt);
        HttpPipeline.safely(() -> listener.requestSent(sent));
        if (log.isDebugEnabled()) {
            log.debug("--> {} (attempt {}) headers={}", request, attempt, request.headers());
        }
        Instant start = clock.instant();
        long startNanos = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException | RuntimeException e) {
            if (log.isDebugEnabled()) {
                log.debug("<-- failed {} after {} ms: {}", request, (System.nanoTime() - startNanos) / 1_000_000,
                        e.toString());
            }
            throw e;
        }
        if (log.isDebugEnabled()) {
            log.debug("<-- {} {} in {} ms headers={}", response.status(), request, response.elapsedMillis(),
                    response.headers());
        }
        Duration elapsed = Duration.between(start, clock.instant());
        InletListener.ResponseReceived received = new InletListener.ResponseReceived(request.connector(),
                request.method(), request.redactedUri(), response.status(),
                elapsed.isNegative() ? Duration.ZERO : elapsed, attempt);
        HttpPipeline.safely(() -> listener.responseReceived(received));
        return response;
    }
}
