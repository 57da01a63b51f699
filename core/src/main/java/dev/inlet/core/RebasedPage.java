package dev.inlet.core;

import java.util.Optional;

/**
 * A page requested ahead from a token read in a response head, before the record count of the page
 * before it was known: it was asked for with provisional counters, and here gets the run's real ones.
 * Only counters differ; the request (token, page index) is the same.
 */
final class RebasedPage extends ForwardingOpenPage {

    private final Position actual;

    RebasedPage(OpenPage page, Position actual) {
        super(page);
        this.actual = actual;
    }

    @Override
    public Position position() {
        return actual;
    }

    @Override
    public Optional<Position> nextPosition() {
        Position provisional = page.position();
        return page.nextPosition().map(next -> {
            long records = next.recordsBefore() - provisional.recordsBefore();
            return actual.next(next.token().orElseThrow(), Math.toIntExact(records));
        });
    }
}
