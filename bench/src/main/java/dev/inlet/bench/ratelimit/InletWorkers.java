package dev.inlet.bench.ratelimit;

import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.error.InletException;
import dev.inlet.core.Position;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Interceptor;
import dev.inlet.core.ratelimit.RateLimit;
import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Inlet connectors, one per worker, paging the endless endpoint until the deadline: with one limiter
 * shared by all of them (configured at the server's documented rate), or with none (each connector's
 * retry policy then honours the 429s' {@code Retry-After}).
 */
final class InletWorkers implements Throttling.Contender {

    private final Interceptor limiter;
    private final AtomicLong gaveUp = new AtomicLong();

    InletWorkers(int workers, int rate, boolean shared) {
        this.limiter = shared ? RateLimiters.create().shared("fake-api", RateLimit.perSecond(rate)) : null;
    }

    @Override
    public void work(int index, String baseUrl, long deadline) {
        HttpPipeline pipeline = HttpPipeline.builder().rateLimiter(limiter).build();
        Connector<JsonNode> connector = RestConnector.builder("worker-" + index).baseUrl(baseUrl).path("/items")
                .records("/data").paginator(Paginators.bodyCursor("cursor", "/next_cursor")).pipeline(pipeline)
                // The throttled fake serves the same block of records on every page, on purpose.
                .allowRepeatedPages(true).build();
        Position from = Position.start();
        while (System.nanoTime() < deadline) {
            try (ConnectorRun<JsonNode> run = connector.open(from)) {
                while (System.nanoTime() < deadline && run.hasNext()) {
                    run.next();
                }
                return;
            } catch (InletException e) {
                // Retries used up (five 429s in a row): a scheduler would start the job again from
                // where it stopped, and so does this worker; the give-up is counted.
                gaveUp.incrementAndGet();
                from = e.resumePosition().orElse(from);
            }
        }
    }

    @Override
    public long gaveUp() {
        return gaveUp.get();
    }
}
