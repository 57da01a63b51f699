package dev.inlet.graphql;

import dev.inlet.core.OpenPage;
import dev.inlet.core.Position;
import dev.inlet.core.ResponseInfo;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A page that waited for the cost budget before its request: adds that wait to {@link #waited()}. */
final class ThrottledPage implements OpenPage {

    private final OpenPage page;
    private final Duration throttled;

    ThrottledPage(OpenPage page, Duration throttled) {
        this.page = page;
        this.throttled = throttled;
    }

    @Override
    public Position position() {
        return page.position();
    }

    @Override
    public ResponseInfo response() {
        return page.response();
    }

    @Override
    public Optional<Position> nextPosition() {
        return page.nextPosition();
    }

    @Override
    public boolean hasNext() {
        return page.hasNext();
    }

    @Override
    public JsonNode next() {
        return page.next();
    }

    @Override
    public int retries() {
        return page.retries();
    }

    @Override
    public Duration waited() {
        return page.waited().plus(throttled);
    }

    @Override
    public java.util.List<dev.inlet.core.RunWarning> warnings() {
        return page.warnings();
    }

    @Override
    public void close() {
        page.close();
    }
}
