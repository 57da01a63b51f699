package dev.inlet.examples.docs;

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
import tools.jackson.databind.JsonNode;

/**
 * One page of records held in memory, for documentation snippets that run a connector without a
 * network. (The core test-jar's {@code ListPageSource} would put core's test classes on this module's
 * classpath, where the architecture test would take them for production code.)
 */
final class OnePageSource implements PageSource {

    private final List<JsonNode> records;

    OnePageSource(List<JsonNode> records) {
        this.records = List.copyOf(records);
    }

    @Override
    public OpenPage open(Position position) {
        Iterator<JsonNode> it = records.subList(Math.min(position.skip(), records.size()), records.size()).iterator();
        ResponseInfo info = new ResponseInfo("GET", URI.create("http://docs.invalid/records"), 200, Headers.empty(),
                Instant.EPOCH, Duration.ZERO);
        return new OpenPage() {
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
                return it.next();
            }

            @Override
            public Optional<Position> nextPosition() {
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }
}
