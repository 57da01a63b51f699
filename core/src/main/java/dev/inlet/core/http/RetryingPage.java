package dev.inlet.core.http;

import dev.inlet.core.error.InletException;
import dev.inlet.core.OpenPage;
import dev.inlet.core.Position;
import dev.inlet.core.ResponseInfo;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A page read under the retry policy from request to last byte. When an attempt fails, before or
 * in the middle of the body, the page is requested again and the records already delivered are
 * skipped, so every record is delivered exactly once and in order (for pages that are stable
 * between two requests, as cursor and offset pages are).
 */
final class RetryingPage implements OpenPage {

    private final Position position;
    private final PageDecoder decoder;
    private final PipelineCall call;
    private OpenPage current;
    /** Whether {@link #current} failed mid-body and was closed: the next attempt fetches the page again. */
    private boolean refetch;
    private int delivered;
    private boolean closed;

    RetryingPage(PipelineCall call, Position position, PageDecoder decoder) {
        this.position = position;
        this.decoder = decoder;
        this.call = call;
        RetryLoop.run(call, () -> current = fetch());
    }

    /** The page whose first attempt already succeeded ({@link HttpPipeline#openPageAsync}): its decoded body. */
    RetryingPage(PipelineCall call, Position position, PageDecoder decoder, OpenPage first) {
        this.position = position;
        this.decoder = decoder;
        this.call = call;
        this.current = first;
    }

    /** The first attempt's page, decoded; a body that fails to decode closes its response and is retried. */
    static OpenPage decode(PageDecoder decoder, Response response, Position position) {
        try {
            return decoder.decode(response, position);
        } catch (InletException failure) {
            response.close();
            throw failure;
        }
    }

    /** One attempt at the page: the request, then the decoder over the body, skipping what was delivered. */
    private OpenPage fetch() {
        Response response = call.attempt();
        try {
            return decoder.decode(response, position.withSkip(position.skip() + delivered));
        } catch (InletException failure) {
            response.close();
            throw failure;
        }
    }

    @Override
    public Position position() {
        return position;
    }

    @Override
    public ResponseInfo response() {
        return current.response();
    }

    @Override
    public boolean hasNext() {
        checkOpen();
        try {
            return RetryLoop.run(call, () -> {
                if (refetch) {
                    current = fetch();
                    refetch = false;
                }
                try {
                    return current.hasNext();
                } catch (InletException failure) {
                    current.close();
                    refetch = true;
                    throw failure;
                }
            });
        } catch (RuntimeException gaveUp) {
            refetch = false; // the call is over: no request after the policy said stop
            throw gaveUp;
        }
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records on " + position.describe());
        }
        JsonNode record = current.next();
        delivered++;
        return record;
    }

    @Override
    public Optional<Position> nextPosition() {
        checkOpen();
        return current.nextPosition();
    }

    @Override
    public Optional<String> continuationToken() {
        checkOpen();
        return current.continuationToken();
    }

    @Override
    public int retries() {
        return call.attempts.retries();
    }

    @Override
    public Duration waited() {
        return call.waited();
    }

    @Override
    public java.util.List<dev.inlet.core.RunWarning> warnings() {
        return current.warnings();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (current != null) {
                current.close();
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(position.describe() + " is closed");
        }
    }
}
