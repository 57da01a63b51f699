package dev.inlet.graphql;

import dev.inlet.core.ForwardingOpenPage;
import dev.inlet.core.OpenPage;
import java.time.Duration;

/** A page that waited for the cost budget before its request: adds that wait to {@link #waited()}. */
final class ThrottledPage extends ForwardingOpenPage {

    private final Duration throttled;

    ThrottledPage(OpenPage page, Duration throttled) {
        super(page);
        this.throttled = throttled;
    }

    @Override
    public Duration waited() {
        return page.waited().plus(throttled);
    }
}
