package dev.inlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.OpenPage;
import dev.inlet.core.PageSource;
import dev.inlet.core.Position;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A sync API written into a table: the state row keeps the last page's continuation, so the next
 * {@link JdbcSink#write} starts there and writes only what was added since (DuckDB).
 */
class SinkContinuationTest {

    @TempDir
    Path dir;

    private final AtomicInteger total = new AtomicInteger(25);
    private final List<Position> opened = new CopyOnWriteArrayList<>();

    /** A change log of {@link #total} records in pages of 10; the last page continues at the log's end. */
    private final PageSource log = position -> {
        opened.add(position);
        int end = total.get();
        OpenPage page = new ListSource(end, 10, i -> JsonNodeFactory.instance.objectNode().put("id", i)
                .put("name", "n" + i), -1).open(position);
        return new dev.inlet.core.ForwardingOpenPage(page) {
            @Override
            public Optional<String> continuationToken() {
                return nextPosition().isEmpty() ? Optional.of(String.valueOf(end)) : Optional.empty();
            }
        };
    };

    @Test
    void theNextWriteStartsAtTheKeptContinuationAndWritesOnlyTheNewRows() throws Exception {
        DataSource db = new UrlDataSource("jdbc:duckdb:" + dir.resolve("sync.duckdb"));
        JdbcSink sink = JdbcSink.builder(db, "events").primaryKey("id").createTable(true)
                .schemaContract(SchemaContract.EVOLVE).build();
        Connector<?> connector = Connector.builder("events", log).build();

        assertThat(sink.write(connector).rows()).isEqualTo(25);
        assertThat(sink.stateStore().load("events").orElseThrow().continuation()).contains("25");

        total.set(32);
        opened.clear();
        assertThat(sink.write(connector).rows()).as("only the added rows").isEqualTo(7);
        assertThat(opened.get(0).token()).as("the first page asked for").contains("25");
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM events")).isEqualTo(32);
        assertThat(sink.stateStore().load("events").orElseThrow().continuation()).contains("32");
    }
}
