package dev.inlet.core.testing;

import dev.inlet.core.Headers;
import dev.inlet.core.OpenPage;
import dev.inlet.core.PageSource;
import dev.inlet.core.Position;
import dev.inlet.core.ResponseInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * An in-memory {@link PageSource} over fixed pages, for tests of everything above the HTTP layer.
 * Page {@code i}'s token is {@code "p<i>"}; it honours {@link Position#skip()} and counts opens and
 * closes so tests can check that responses are released.
 */
public final class ListPageSource implements PageSource {

    private final List<List<JsonNode>> pages;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    /** A source over these pages, in order. */
    public ListPageSource(List<List<JsonNode>> pages) {
        this.pages = List.copyOf(pages);
    }

    @Override
    public OpenPage open(Position position) {
        int index = position.token().map(t -> Integer.parseInt(t.substring(1))).orElse(0);
        if (index < 0 || index >= pages.size()) {
            throw new IllegalArgumentException("no page " + index);
        }
        opened.incrementAndGet();
        List<JsonNode> records = pages.get(index);
        Iterator<JsonNode> it = records.subList(Math.min(position.skip(), records.size()), records.size()).iterator();
        ResponseInfo info = new ResponseInfo("GET", URI.create("http://test.invalid/items?page=" + index), 200,
                Headers.empty(), Instant.EPOCH, Duration.ZERO);
        return new OpenPage() {
            private boolean done;

            @Override
            public Position position() {
                return position;
            }

            @Override
            public ResponseInfo response() {
                return info;
            }

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public JsonNode next() {
                if (!it.hasNext()) {
                    throw new NoSuchElementException();
                }
                return it.next();
            }

            @Override
            public Optional<Position> nextPosition() {
                if (it.hasNext()) {
                    throw new IllegalStateException("records remain");
                }
                return index + 1 < pages.size() ? Optional.of(position.next("p" + (index + 1), records.size()))
                        : Optional.empty();
            }

            @Override
            public void close() {
                if (!done) {
                    done = true;
                    closed.incrementAndGet();
                }
            }
        };
    }

    /** How many pages were opened. */
    public int opened() {
        return opened.get();
    }

    /** How many opened pages were closed. */
    public int closed() {
        return closed.get();
    }
}
