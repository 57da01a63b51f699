package dev.inlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.state.CursorFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The sink's cursor read as core's IncrementalSync reads it: a nested pointer, epoch formats, future values. */
class SinkCursorFormatTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path dir;

    private DataSource db() {
        return new UrlDataSource("jdbc:duckdb:" + dir.resolve("cursor.duckdb"));
    }

    private JdbcSink.Builder sink() {
        return JdbcSink.builder(db(), "items").primaryKey("id").createTable(true)
                .schemaContract(SchemaContract.EVOLVE).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Item i with its cursor nested under /meta/updated, in epoch seconds: 1000 + 10 i. */
    private static IntFunction<JsonNode> epoch(IntFunction<Long> at) {
        return i -> {
            ObjectNode n = JdbcSinkContract.item(i, "n" + i);
            n.putObject("meta").put("updated", at.apply(i));
            return n;
        };
    }

    @Test
    void anEpochSecondsCursorUnderAPointerIsMovedBackByTheLookback() throws Exception {
        JdbcSink sink = sink().cursorField("/meta/updated").cursorFormat(CursorFormat.EPOCH_SECONDS)
                .lookback(Duration.ofSeconds(25)).build();
        List<Optional<String>> sinces = new ArrayList<>();
        IntFunction<JsonNode> records = epoch(i -> 1000L + 10 * i);
        for (int run = 0; run < 2; run++) {
            sink.write("items", since -> {
                sinces.add(since);
                return Connector.builder("items", new ListSource(8, 3, records, -1)).build();
            });
        }
        assertThat(sink.stateStore().load("items").orElseThrow().cursor()).contains("1070");
        // the first run asks for everything, the second from the greatest cursor (1070) minus 25 s
        assertThat(sinces).containsExactly(Optional.empty(), Optional.of("1045"));
        assertThat(Sql.count(db(), "SELECT COUNT(*) FROM items")).isEqualTo(8);
    }

    @Test
    void theStartIsTheFirstRunsSinceAndAnInterruptedFirstRunKeepsItWhateverTheNextStart() throws Exception {
        List<Optional<String>> sinces = new ArrayList<>();
        IntFunction<JsonNode> records = epoch(i -> 1000L + i);
        JdbcSink first = sink().cursorField("/meta/updated").cursorFormat(CursorFormat.EPOCH_SECONDS).startAt("900")
                .build();
        assertThatThrownBy(() -> first.write("items", since -> {
            sinces.add(since);
            return Connector.builder("items", new ListSource(6, 2, records, 1)).build();
        })).hasMessageContaining("source failed at page 1");
        assertThat(Sql.count(db(), "SELECT COUNT(*) FROM items")).isEqualTo(2);

        JdbcSink other = sink().cursorField("/meta/updated").cursorFormat(CursorFormat.EPOCH_SECONDS).startAt("950")
                .build();
        for (int run = 0; run < 2; run++) {
            other.write("items", since -> {
                sinces.add(since);
                return Connector.builder("items", new ListSource(6, 2, records, -1)).build();
            });
        }
        // the interrupted first run's since, then the cursor (1005, no lookback); the other start never applies
        assertThat(sinces).containsExactly(Optional.of("900"), Optional.of("900"), Optional.of("1005"));
        assertThat(Sql.count(db(), "SELECT COUNT(*) FROM items")).isEqualTo(6);
    }

    @Test
    void withoutAFormatANumberIsNotMovedAsBefore() throws Exception {
        JdbcSink sink = sink().cursorField("/meta/updated").lookback(Duration.ofSeconds(25)).build();
        List<Optional<String>> sinces = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            sink.write("items", since -> {
                sinces.add(since);
                return Connector.builder("items", new ListSource(4, 3, epoch(i -> 1000L + i), -1)).build();
            });
        }
        assertThat(sinces).containsExactly(Optional.empty(), Optional.of("1003"));
    }

    @Test
    void aCursorBeyondTheFutureToleranceIsWrittenButNotKept() throws Exception {
        long now = NOW.getEpochSecond();
        // item 3 carries a far-future sentinel; item 2 lies 4 minutes ahead, inside the 5-minute default
        IntFunction<JsonNode> records = epoch(i -> i == 3 ? 253402214400L : i == 2 ? now + 240 : now - 100 + i);
        JdbcSink sink = sink().cursorField("/meta/updated").cursorFormat(CursorFormat.EPOCH_SECONDS).build();

        sink.write("items", since -> Connector.builder("items", new ListSource(5, 2, records, -1)).build());

        assertThat(Sql.count(db(), "SELECT COUNT(*) FROM items")).isEqualTo(5);
        assertThat(sink.stateStore().load("items").orElseThrow().cursor()).contains(Long.toString(now + 240));
    }

    @Test
    void aValueNotInTheFormatStopsThePageNothingCommitted() {
        JdbcSink sink = sink().cursorField("/meta/updated").cursorFormat(CursorFormat.ISO_INSTANT).build();

        assertThatThrownBy(() -> sink.write("items", since -> Connector.builder("items",
                new ListSource(4, 2, epoch(i -> 1000L + i), -1)).build()))
                .isInstanceOf(JdbcConfigurationException.class)
                .hasMessageContaining("cursor field '/meta/updated' holds '1000', which is not ISO_INSTANT");
        assertThat(sink.stateStore().load("items")).isEmpty();
    }
}
