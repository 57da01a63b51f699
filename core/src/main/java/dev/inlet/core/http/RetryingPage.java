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
    private int delivered;
    private boolean closed;

    RetryingPage(HttpPipeline pipeline, Position position, Request request, PageDecoder decoder) {
        this.position = position;
        this.decoder = decoder;
        this.call = new PipelineCall(pipeline, request);
        open();
    }

    private void open() {
        while (true) {
            Response response = null;
            try {
                response = call.attempt();
                current = decoder.decode(response, position.withSkip(position.skip() + delivered));
                return;
            } catch (InletException failure) {
                if (response != null) {
                    response.close();
                }
                call.retryAfter(failure);
            }
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
        while (true) {
            try {
                return current.hasNext();
            } catch (InletException failure) {
                current.close();
                call.retryAfter(failure);
                open();
            }
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
