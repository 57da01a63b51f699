package dev.inlet.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An {@link OpenPage} that forwards every call to another one: extend it to change one thing about a
 * page (count its records, add a wait, watch its end) and inherit the rest, instead of writing every
 * method again. Thread-safety is the wrapped page's.
 */
public abstract class ForwardingOpenPage implements OpenPage {

    /** The page every call goes to. */
    protected final OpenPage page;

    /** Forwards to {@code page}. */
    protected ForwardingOpenPage(OpenPage page) {
        this.page = Objects.requireNonNull(page, "page");
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
    public boolean hasNext() {
        return page.hasNext();
    }

    @Override
    public JsonNode next() {
        return page.next();
    }

    @Override
    public Optional<Position> nextPosition() {
        return page.nextPosition();
    }

    @Override
    public Optional<String> continuationToken() {
        return page.continuationToken();
    }

    @Override
    public int retries() {
        return page.retries();
    }

    @Override
    public Duration waited() {
        return page.waited();
    }

    @Override
    public List<RunWarning> warnings() {
        return page.warnings();
    }

    @Override
    public void close() {
        page.close();
    }
}
