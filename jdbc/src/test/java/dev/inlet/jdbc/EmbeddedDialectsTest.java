package dev.inlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.Page;
import dev.inlet.core.Position;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dialects that are cheap to run in-process: H2 (row-value keyset, {@code MERGE INTO ... KEY}; also the
 * expanded comparison of {@link Dialect#GENERIC}) and SQLite (row values, {@code ON CONFLICT DO UPDATE}).
 * Source paging and resume on an integer cursor with equal values, and sink upserts.
 */
@Timeout(60)
class EmbeddedDialectsTest {

    @TempDir
    Path dir;

    private DataSource h2() {
        return new UrlDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    private DataSource sqlite() {
        return new UrlDataSource("jdbc:sqlite:" + dir.resolve("test.sqlite"));
    }

    private static void orders(DataSource ds) throws Exception {
        orders(ds, "\"");
    }

    /** The table, its names quoted with {@code q} (or unquoted: {@code ""}). */
    private static void orders(DataSource ds, String q) throws Exception {
        // NOT NULL: SQLite lets a non-INTEGER primary key hold NULL, which the source refuses
        Sql.run(ds, "CREATE TABLE " + q + "orders" + q + " (" + q + "id" + q + " BIGINT NOT NULL PRIMARY KEY, " + q
                + "seq" + q + " BIGINT NOT NULL, " + q + "note" + q + " VARCHAR(20))");
        StringBuilder insert = new StringBuilder("INSERT INTO " + q + "orders" + q + " VALUES ");
        for (int i = 1; i <= 25; i++) {
            // five rows share each seq: page boundaries fall inside groups of equal cursors
            insert.append(i > 1 ? ", " : "").append("(").append(i).append(", ").append((i - 1) / 5).append(", 'n')");
        }
        Sql.run(ds, insert.toString());
    }

    private static void pagesAndResumes(DataSource ds, Dialect expected, Dialect forced) {
        pagesAndResumes(ds, expected, forced, "id");
    }

    /** Pages through orders by (seq, id); the records name the key {@code idField} (as the database labels it). */
    private static void pagesAndResumes(DataSource ds, Dialect expected, Dialect forced, String idField) {
        for (boolean streaming : new boolean[] {false, true}) {
            SqlSource.Builder builder = SqlSource.builder(ds).table("orders").orderBy("seq", "id").pageSize(4)
                    .streaming(streaming);
            SqlSource source = (forced != null ? builder.dialect(forced) : builder).build();
            assertThat(source.dialect()).isEqualTo(forced != null ? forced : expected);
            Connector<JsonNode> connector = Connector.builder("orders", source).build();
            assertThat(connector.records().map(r -> r.get(idField).asLong()).toList())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 25).boxed().toList());
            Page<JsonNode> first = connector.fetch(Position.start());
            source.releaseConnections();
            List<Long> rest = connector.records(Position.parse(first.next().orElseThrow().asString()))
                    .map(r -> r.get(idField).asLong()).toList();
            assertThat(rest).hasSize(21).first().isEqualTo(5L);
        }
    }

    private static void upserts(DataSource ds) throws Exception {
        JdbcSink sink = JdbcSink.builder(ds, "items").primaryKey("id").createTable(true)
                .schemaContract(SchemaContract.EVOLVE).build();
        for (String version : new String[] {"v1", "v2"}) {
            sink.stateStore().delete("items");
            sink.write(Connector.builder("items", new ListSource(12, 5, i -> {
                ObjectNode n = JdbcSinkContract.item(i, version);
                if (version.equals("v2")) {
                    n.put("extra", i);
                }
                return n;
            }, -1)).build());
        }
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM \"items\"")).isEqualTo(12);
        assertThat(Sql.column(ds, "SELECT DISTINCT \"name\" FROM \"items\"")).containsExactly("v2");
        assertThat(Sql.count(ds, "SELECT \"extra\" FROM \"items\" WHERE \"id\" = 7")).isEqualTo(7);
    }

    @Test
    void h2PagesWithRowValuesAndWithTheExpandedComparisonAndUpsertsByMerge() throws Exception {
        DataSource ds = h2();
        orders(ds);
        pagesAndResumes(ds, Dialect.H2, null);
        pagesAndResumes(ds, Dialect.H2, Dialect.GENERIC); // c > ? OR (c = ? AND k > ?), as on MySQL
        upserts(ds);
    }

    @Test
    void h2WithAPlainUrlReadsAndWritesTablesCreatedUnquotedUnderTheNamesH2StoredThemAs() throws Exception {
        // H2 stores unquoted names in upper case (ORDERS, ID); the source and sink are given lower-case ones
        DataSource ds = new UrlDataSource("jdbc:h2:" + dir.resolve("plain"));
        orders(ds, "");
        pagesAndResumes(ds, Dialect.H2, null, "ID");
        assertThat(SqlSource.builder(ds).table("orders").orderBy("seq", "id").build().since(java.util.Optional.of("3"))
                .pageSql(true)).contains("FROM \"ORDERS\"").contains("q.\"SEQ\"").contains("q.\"ID\"");

        Sql.run(ds, "CREATE TABLE items (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(20), price DECIMAL(38,10))");
        JdbcSink sink = JdbcSink.builder(ds, "items").primaryKey("id").schemaContract(SchemaContract.EVOLVE).build();
        for (String version : new String[] {"v1", "v2"}) {
            sink.stateStore().delete("items");
            sink.write(Connector.builder("items", new ListSource(12, 5, i -> {
                ObjectNode n = JdbcSinkContract.item(i, version);
                return version.equals("v2") ? n.put("extra", i) : n;
            }, -1)).build());
        }
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM items")).isEqualTo(12);
        assertThat(Sql.column(ds, "SELECT DISTINCT name FROM items")).containsExactly("v2");
        // the new field's column is added (quoted, as the record names it) to the existing table, not a new one
        assertThat(Sql.count(ds, "SELECT \"extra\" FROM items WHERE id = 7")).isEqualTo(7);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) IN "
                + "('orders', 'items')")).isEqualTo(2);
    }

    @Test
    void sqlitePagesWithRowValuesAndUpsertsOnConflict() throws Exception {
        DataSource ds = sqlite();
        orders(ds);
        pagesAndResumes(ds, Dialect.SQLITE, null);
        upserts(ds);
    }
}
