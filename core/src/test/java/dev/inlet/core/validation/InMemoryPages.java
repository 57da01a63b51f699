package dev.inlet.core.validation;

import dev.inlet.core.Headers;
import dev.inlet.core.OpenPage;
import dev.inlet.core.PageSource;
import dev.inlet.core.Position;
import dev.inlet.core.ResponseInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A {@link PageSource} over pages held in memory, for tests: page {@code i} has token {@code "i"}
 * (the first page none), honours {@link Position#skip()}, and counts how often pages were opened.
 */
public final class InMemoryPages implements PageSource {

    private final List<List<JsonNode>> pages;
    private final AtomicInteger opened = new AtomicInteger();

    private InMemoryPages(List<List<JsonNode>> pages) {
        this.pages = List.copyOf(pages.stream().map(List::copyOf).toList());
    }

    /** A source over these pages, in order. */
    public static InMemoryPages of(List<List<JsonNode>> pages) {
        return new InMemoryPages(pages);
    }

    /** A source over the records, cut into pages of {@code pageSize}. */
    public static InMemoryPages paged(List<JsonNode> records, int pageSize) {
        List<List<JsonNode>> pages = new ArrayList<>();
        for (int from = 0; from < records.size(); from += pageSize) {
            pages.add(records.subList(from, Math.min(records.size(), from + pageSize)));
        }
        return new InMemoryPages(pages);
    }

    /** How many pages have been opened. */
    public int opened() {
        return opened.get();
    }

    @Override
    public OpenPage open(Position position) {
        int index = position.token().map(Integer::parseInt).orElse(0);
        List<JsonNode> records = index < pages.size() ? pages.get(index) : List.of();
        opened.incrementAndGet();
        return new OpenPage() {
            private int next = position.skip();

            @Override
            public Position position() {
                return position;
            }

            @Override
            public ResponseInfo response() {
                return new ResponseInfo("GET", URI.create("memory://pages/" + index), 200, Headers.empty(),
                        Instant.EPOCH, Duration.ZERO);
            }

            @Override
            public Optional<Position> nextPosition() {
                if (next < records.size()) {
                    throw new IllegalStateException("records of page " + index + " remain unread");
                }
                return index + 1 < pages.size()
                        ? Optional.of(position.next(Integer.toString(index + 1), records.size()))
                        : Optional.empty();
            }

            @Override
            public boolean hasNext() {
                return next < records.size();
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return records.get(next++);
            }

            @Override
            public void close() {
            }
        };
    }
}
