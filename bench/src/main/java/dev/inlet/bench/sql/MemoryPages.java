package dev.inlet.bench.sql;

import dev.inlet.core.Headers;
import dev.inlet.core.OpenPage;
import dev.inlet.core.PageSource;
import dev.inlet.core.Position;
import dev.inlet.core.ResponseInfo;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Records held in memory, served in pages (the token is the next index): a source that costs nothing. */
final class MemoryPages implements PageSource {

    private static final ResponseInfo RESPONSE = new ResponseInfo("GET", URI.create("memory:orders"), 200,
            Headers.empty(), Instant.EPOCH, Duration.ZERO);

    private final List<JsonNode> records;
    private final int pageSize;

    MemoryPages(List<JsonNode> records, int pageSize) {
        this.records = List.copyOf(records);
        this.pageSize = pageSize;
    }

    /** {@code rows} order records shaped like the {@code orders} table's rows. */
    static List<JsonNode> orders(int rows) {
        List<JsonNode> out = new ArrayList<>(rows);
        for (int i = 1; i <= rows; i++) {
            ObjectNode r = JsonNodeFactory.instance.objectNode();
            r.put("id", (long) i);
            r.put("n", (long) (i % 1000));
            r.put("amount", BigDecimal.valueOf(i % 100_000, 2));
            r.put("name", "name-" + i);
            r.put("updated_at", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i / 10).toString());
            r.put("ok", i % 2 == 0);
            out.add(r);
        }
        return out;
    }

    @Override
    public OpenPage open(Position position) {
        int from = position.token().map(Integer::parseInt).orElse(0);
        int to = Math.min(records.size(), from + pageSize);
        Iterator<JsonNode> it = records.subList(from, to).iterator();
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
                return RESPONSE;
            }

            @Override
            public Optional<Position> nextPosition() {
                return to < records.size() ? Optional.of(position.next(String.valueOf(to), to - from))
                        : Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }
}
