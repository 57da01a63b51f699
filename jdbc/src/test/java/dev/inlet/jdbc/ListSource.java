package dev.inlet.jdbc;

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
import java.util.Optional;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;

/** A test source: records made by index, in pages of a fixed size; the page token is the next index. */
final class ListSource implements PageSource {

    private final int total;
    private final int pageSize;
    private final IntFunction<JsonNode> record;
    private final int failAtPage;

    ListSource(int total, int pageSize, IntFunction<JsonNode> record, int failAtPage) {
        this.total = total;
        this.pageSize = pageSize;
        this.record = record;
        this.failAtPage = failAtPage;
    }

    @Override
    public OpenPage open(Position position) {
        int from = position.token().map(Integer::parseInt).orElse(0);
        if (from / pageSize == failAtPage) {
            throw new IllegalStateException("source failed at page " + failAtPage);
        }
        int to = Math.min(total, from + pageSize);
        Iterator<JsonNode> it = java.util.stream.IntStream.range(from, to).mapToObj(record).iterator();
        return new OpenPage() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public JsonNode next() {
                return it.next();
            }

            @Override
            public Position position() {
                return position;
            }

            @Override
            public ResponseInfo response() {
                return new ResponseInfo("GET", URI.create("test:list"), 200, Headers.empty(), Instant.EPOCH, Duration.ZERO);
            }

            @Override
            public Optional<Position> nextPosition() {
                return to < total ? Optional.of(position.next(String.valueOf(to), to - from)) : Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }

    static List<JsonNode> none() {
        return List.of();
    }
}
