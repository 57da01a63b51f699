package dev.inlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.OpenPage;
import dev.inlet.core.Page;
import dev.inlet.core.Position;
import dev.inlet.core.state.InMemoryStateStore;
import dev.inlet.core.state.IncrementalSync;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** The SqlSource guarantees, run against each database by a subclass. */
@Timeout(60)
abstract class SqlSourceContract {

    abstract DataSource dataSource();

    @BeforeEach
    void createTable() throws Exception {
        Sql.run(dataSource(), "DROP TABLE IF EXISTS orders",
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, total NUMERIC(12,2) NOT NULL, "
                        + "updated_at TIMESTAMPTZ NOT NULL, note VARCHAR(20))");
        StringBuilder insert = new StringBuilder("INSERT INTO orders VALUES ");
        for (int i = 1; i <= 25; i++) {
            // five rows share each timestamp: page boundaries fall inside groups of equal cursors
            insert.append(i > 1 ? ", " : "").append("(").append(i).append(", ").append(i).append(".10, ")
                    .append("TIMESTAMPTZ '2026-01-01 00:00:0").append((i - 1) / 5).append("+00'").append(", 'n')");
        }
        Sql.run(dataSource(), insert.toString());
    }

    private SqlSource source(int pageSize) {
        return SqlSource.builder(dataSource()).table("orders").orderBy("updated_at", "id").pageSize(pageSize).build();
    }

    @Test
    void pagesByKeysetWithEqualTimestampsAndTypedValues() {
        for (boolean streaming : new boolean[] {false, true}) {
            SqlSource source = SqlSource.builder(dataSource()).table("orders").orderBy("updated_at", "id").pageSize(4)
                    .streaming(streaming).build();
            Connector<JsonNode> connector = Connector.builder("orders", source).build();
            List<JsonNode> records = connector.records().toList();
            assertThat(records).extracting(r -> r.get("id").asLong())
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());
            assertThat(records.get(0).get("total").decimalValue()).isEqualTo(new BigDecimal("1.10"));
            assertThat(records.get(5).get("updated_at").asString()).isEqualTo("2026-01-01T00:00:01Z");
            assertThat(connector.lastReport().orElseThrow().pages()).isEqualTo(7);
        }
    }

    @Test
    void resumesFromASavedPositionAfterTheLastRowDelivered() {
        Connector<JsonNode> connector = Connector.builder("orders", source(6)).build();
        Page<JsonNode> first = connector.fetch(Position.start());
        Position saved = Position.parse(first.next().orElseThrow().asString());
        List<Long> rest = connector.records(saved).map(r -> r.get("id").asLong()).toList();
        assertThat(first.records()).hasSize(6);
        assertThat(rest).hasSize(19).first().isEqualTo(7L);
    }

    @Test
    void incrementalSyncReadsLateRowsWithinTheLookbackAndDropsTheOverlap() throws Exception {
        SqlSource source = source(4);
        IncrementalSync<JsonNode> sync = IncrementalSync.<JsonNode>builder("orders")
                .store(new InMemoryStateStore()).cursorField("/updated_at").primaryKey("/id")
                .lookback(Duration.ofSeconds(2))
                .connector(since -> Connector.builder("orders", source.since(since)).build()).build();
        List<Long> first = new ArrayList<>();
        sync.run(r -> first.add(r.get("id").asLong()));
        // a late commit with an older timestamp (within the lookback), a new row, and one at the same last second
        Sql.run(dataSource(), "INSERT INTO orders VALUES (26, 1, TIMESTAMPTZ '2026-01-01 00:00:03+00', 'late'), "
                + "(27, 1, TIMESTAMPTZ '2026-01-01 00:00:04+00', 'same'), (28, 1, TIMESTAMPTZ '2026-01-01 00:00:09+00', 'new')");
        List<Long> second = new ArrayList<>();
        sync.run(r -> second.add(r.get("id").asLong()));
        assertThat(first).hasSize(25).doesNotHaveDuplicates();
        assertThat(second).containsExactlyInAnyOrder(26L, 27L, 28L);
    }

    @Test
    void refusesAnUnstableOrderANullableCursorAndAnOwnOrderBy() throws Exception {
        Sql.run(dataSource(), "DROP TABLE IF EXISTS loose", "CREATE TABLE loose (id BIGINT PRIMARY KEY, seen_at TIMESTAMPTZ, k BIGINT NOT NULL)");
        assertThatThrownBy(() -> SqlSource.builder(dataSource()).table("orders").build())
                .isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("orderBy");
        assertThatThrownBy(() -> SqlSource.builder(dataSource()).table("loose").orderBy("seen_at", "id").build())
                .isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("'seen_at'").hasMessageContaining("NOT NULL");
        assertThatThrownBy(() -> SqlSource.builder(dataSource()).table("loose").orderBy("id", "k").build())
                .isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("not the primary key");
        assertThatThrownBy(() -> SqlSource.builder(dataSource()).query("SELECT * FROM orders ORDER BY id")
                .orderBy("updated_at", "id").build())
                .isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("ORDER BY");
        Sql.run(dataSource(), "INSERT INTO loose VALUES (1, NULL, 1)");
        SqlSource nulls = SqlSource.builder(dataSource()).query("SELECT id, seen_at FROM loose WHERE k > 0")
                .orderBy("seen_at", "id").dialect(Dialect.DUCKDB).build(); // DUCKDB: the query check cannot see NULLs
        assertThatThrownBy(() -> Connector.builder("loose", nulls).build().records().toList())
                .isInstanceOf(JdbcException.class).hasMessageContaining("NULL in seen_at");
        try (OpenPage page = SqlSource.builder(dataSource()).query("SELECT id, updated_at FROM orders WHERE total > 3")
                .orderBy("updated_at", "id").pageSize(7).build().open(Position.start())) {
            List<Long> ids = new ArrayList<>();
            page.forEachRemaining(r -> ids.add(r.get("id").asLong()));
            assertThat(ids).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
        }
    }

    @Test
    void streamingRunsOneQueryForAllPagesAndReturnsItsConnectionAtTheEnd() {
        CountingDataSource counting = new CountingDataSource(dataSource());
        SqlSource source = SqlSource.builder(counting.dataSource).table("orders").orderBy("updated_at", "id")
                .pageSize(4).streaming(true).build();
        int checks = counting.queries.get();
        List<Long> ids = Connector.builder("orders", source).build().records().map(r -> r.get("id").asLong()).toList();
        assertThat(ids).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());
        assertThat(counting.queries.get() - checks).isEqualTo(1);
        assertThat(counting.open.get()).isZero();
        assertThat(source.parkedCursors()).isZero();

        SqlSource perPage = SqlSource.builder(counting.dataSource).table("orders").orderBy("updated_at", "id")
                .pageSize(4).build();
        checks = counting.queries.get();
        assertThat(Connector.builder("orders", perPage).build().records().count()).isEqualTo(25);
        assertThat(counting.queries.get() - checks).isEqualTo(7);
        assertThat(counting.open.get()).isZero();
    }

    @Test
    void aParkedQueryServesOnlyTheExactNextPositionAndAnyOtherReQueriesFromItsKey() {
        CountingDataSource counting = new CountingDataSource(dataSource());
        SqlSource source = SqlSource.builder(counting.dataSource).table("orders").orderBy("updated_at", "id")
                .pageSize(6).streaming(true).build();
        Connector<JsonNode> connector = Connector.builder("orders", source).build();
        Page<JsonNode> first = connector.fetch(Position.start());
        assertThat(source.parkedCursors()).isEqualTo(1);
        Page<JsonNode> second = connector.fetch(first.next().orElseThrow());
        // the parked query went on: the second page needed no new one
        assertThat(counting.connections.get()).isEqualTo(2); // the build check, then one query
        // a resume at the first page's end again (e.g. after a crash) re-queries from the key: nothing repeated
        List<Long> again = connector.records(Position.parse(first.next().orElseThrow().asString()))
                .map(r -> r.get("id").asLong()).toList();
        assertThat(first.records()).extracting(r -> r.get("id").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(second.records()).extracting(r -> r.get("id").asLong()).containsExactly(7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(again).hasSize(19).first().isEqualTo(7L);
        source.releaseConnections();
        assertThat(source.parkedCursors()).isZero();
        assertThat(counting.open.get()).isZero();
    }

    @Test
    void aPositionInsideAPageSkipsTheRowsAlreadyDelivered() {
        for (boolean streaming : new boolean[] {false, true}) {
            SqlSource source = SqlSource.builder(dataSource()).table("orders").orderBy("updated_at", "id").pageSize(6)
                    .streaming(streaming).build();
            skipsDelivered(Connector.builder("orders", source).build());
            source.releaseConnections();
        }
    }

    private static void skipsDelivered(Connector<JsonNode> connector) {
        Position afterTwo = Position.parse(connector.fetch(Position.start()).next().orElseThrow().asString())
                .withSkip(2);
        Page<JsonNode> rest = connector.fetch(afterTwo);
        assertThat(rest.records()).extracting(r -> r.get("id").asLong()).containsExactly(9L, 10L, 11L, 12L);
        assertThat(rest.next().orElseThrow().recordsBefore()).isEqualTo(12);
        List<Long> all = connector.records(afterTwo).map(r -> r.get("id").asLong()).toList();
        assertThat(all).hasSize(17).first().isEqualTo(9L);
    }

    @Test
    void anAbandonedPageClosesItsQueryAndAnIdleParkedOneIsClosedAfterTheTimeout() throws Exception {
        CountingDataSource counting = new CountingDataSource(dataSource());
        SqlSource source = SqlSource.builder(counting.dataSource).table("orders").orderBy("updated_at", "id")
                .pageSize(4).streaming(true).idleTimeout(Duration.ofMillis(50)).build();
        Connector<JsonNode> connector = Connector.builder("orders", source).build();
        try (var records = connector.records()) {
            assertThat(records.limit(3).count()).isEqualTo(3);
        }
        assertThat(source.parkedCursors()).isZero();
        assertThat(counting.open.get()).isZero();
        connector.fetch(Position.start());
        assertThat(counting.open.get()).isEqualTo(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (counting.open.get() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(source.parkedCursors()).isZero();
        assertThat(counting.open.get()).isZero();
    }
}
