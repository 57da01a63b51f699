package dev.inlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The COPY path's own encoding (rows streamed as UTF-8 CSV in 64 KB chunks) against the batched insert, which
 * binds the same values as parameters: every hostile text must come back exactly as sent on both paths, through
 * the initial load (COPY into the table) and through the stage (COPY into a temporary table, then upsert), also
 * where a multi-byte character or a quote falls on a chunk boundary; a value refused half-way through a COPY
 * leaves nothing of its page and a connection that works.
 */
@Timeout(120)
class PostgresCopyEncodingTest {

    /** Texts a CSV or SQL path could get wrong, each of them a name below. */
    static final List<String> HOSTILE = List.of("", " ", "  padded  ", "NULL", "\\N", "\\.", "\n\\.\n", "\\", "a\\b",
            "\"", "\"\"", "\"quoted\"", ",", "a,b", "tab\there", "line\nbreak", "crlf\r\nend", "\r", "trailing\n",
            "é", "naïve café", "中文字符", "emoji 😀 and 👍🏽", "ß\u00a0nbsp", "\u2028\u2029", "'; DROP TABLE items; --",
            "lone high \ud800 surrogate", "lone low \udc00", "e\u0301 combining", "\u007f delete");

    private static Postgres postgres;

    @BeforeAll
    static void start() {
        postgres = new Postgres();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void clean() throws Exception {
        Sql.run(db(), "DROP TABLE IF EXISTS texts", "DROP TABLE IF EXISTS texts_batched", "DROP TABLE IF EXISTS inlet_state",
                "DROP TABLE IF EXISTS inlet_state_batched",
                "CREATE TABLE texts (id BIGINT PRIMARY KEY, name TEXT, n BIGINT, at TIMESTAMPTZ)",
                "CREATE TABLE texts_batched (LIKE texts INCLUDING ALL)");
    }

    private static DataSource db() {
        return postgres.dataSource();
    }

    private static JdbcSink sink(String table, boolean bulk) {
        return JdbcSink.builder(db(), table).primaryKey("id").schemaContract(SchemaContract.FREEZE).bulkLoad(bulk)
                .stateTable(bulk ? "inlet_state" : "inlet_state_batched").build();
    }

    private static Connector<JsonNode> source(int total, int pageSize, IntFunction<JsonNode> record) {
        return Connector.builder("texts", new ListSource(total, pageSize, record, -1)).build();
    }

    /** Record i: a hostile text (cycling), an extreme or ordinary number, a timestamp in one of three shapes. */
    static ObjectNode record(int i) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", i);
        n.put("name", HOSTILE.get(i % HOSTILE.size()));
        long[] numbers = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 9, 10, -10, 1_234_567_890_123L};
        n.put("n", numbers[i % numbers.length]);
        n.put("at", switch (i % 3) {
            case 0 -> "2026-03-0" + (1 + i % 9) + "T12:00:0" + i % 10 + "Z";
            case 1 -> "2026-03-01T12:00:00.123456789Z";
            default -> "2026-03-01T14:00:00+02:00";
        });
        return n;
    }

    /** Every row of a table as text, read back through JDBC (the name exactly, not as the database prints it). */
    private static List<String> rows(String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, name, n, at FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|"
                        + rs.getObject(4, java.time.OffsetDateTime.class).toInstant());
            }
        }
        return rows;
    }

    @Test
    void hostileTextsComeBackExactlyAsSentThroughTheInitialLoadAndThroughTheStage() throws Exception {
        int total = HOSTILE.size() * 4;
        assertThat(sink("texts", true).write(source(total, 25, PostgresCopyEncodingTest::record)).rows()).isEqualTo(total);
        sink("texts_batched", false).write(source(total, 25, PostgresCopyEncodingTest::record));
        List<String> copied = rows("texts");
        assertThat(copied).hasSize(total).containsExactlyElementsOf(rows("texts_batched"));
        for (int i = 0; i < total; i++) {
            String sent = HOSTILE.get(i % HOSTILE.size());
            // as sent, but for a lone surrogate, which no UTF-8 can carry: '?' as the JDK's encoder writes it
            String expected = new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertThat(copied.get(i).split("\\|", -1)[1]).as("record %d", i).isEqualTo(expected);
        }
        // a second run finds the table full: every page goes through the stage, and changes nothing
        assertThat(sink("texts", true).write(source(total, 25, PostgresCopyEncodingTest::record)).rows()).isEqualTo(total);
        assertThat(rows("texts")).containsExactlyElementsOf(copied);
    }

    @Test
    void pagesOfManyChunksKeepEveryCharacterThatFallsOnAChunkBoundary() throws Exception {
        // names of 1 to 4-byte characters in odd lengths, so that chunk ends fall inside characters and quotes
        IntFunction<JsonNode> record = i -> {
            ObjectNode n = record(i);
            String unit = new String[] {"a\"", "é", "中", "😀", "\"\""}[i % 5];
            n.put("name", unit.repeat(700 + i % 13) + HOSTILE.get(i % HOSTILE.size()));
            return n;
        };
        int total = 600; // ~1.2 MB of CSV: about 20 chunks of 64 KB per run
        sink("texts", true).write(source(total, 200, record));
        sink("texts_batched", false).write(source(total, 200, record));
        List<String> copied = rows("texts");
        assertThat(copied).hasSize(total).containsExactlyElementsOf(rows("texts_batched"));
        assertThat(Sql.count(db(), "SELECT SUM(octet_length(name)) FROM texts")).isGreaterThan(3L * CopyCsv.CHUNK);
    }

    @Test
    void aValueRefusedHalfWayThroughACopyLeavesNothingOfItsPageAndTheRerunCompletes() throws Exception {
        // record 450 (page 2, after more than one chunk of that page has gone to the server) has a text id
        IntFunction<JsonNode> bad = i -> {
            ObjectNode n = record(i);
            n.put("name", "x".repeat(400));
            if (i == 450) {
                n.put("n", "not a number");
            }
            return n;
        };
        JdbcSink sink = sink("texts", true);
        assertThatThrownBy(() -> sink.write(source(600, 200, bad))).isInstanceOf(JdbcConfigurationException.class)
                .hasMessageContaining("column n").hasMessageContaining("an integer");
        assertThat(Sql.count(db(), "SELECT COUNT(*) FROM texts")).isEqualTo(400); // pages 0 and 1 committed
        assertThat(sink.stateStore().load("texts").orElseThrow().position().orElseThrow().recordsBefore()).isEqualTo(400);
        assertThat(sink.write(source(600, 200, PostgresCopyEncodingTest::record)).rows()).isEqualTo(200);
        assertThat(Sql.count(db(), "SELECT COUNT(DISTINCT id) FROM texts")).isEqualTo(600);
    }

    @Test
    void aNulCharacterIsRefusedByBothPathsAndNothingOfItsPageIsWritten() throws Exception {
        IntFunction<JsonNode> nul = i -> {
            ObjectNode n = record(i);
            if (i == 7) {
                n.put("name", "before\u0000after");
            }
            return n;
        };
        for (boolean bulk : new boolean[] {true, false}) {
            String table = bulk ? "texts" : "texts_batched";
            assertThatThrownBy(() -> sink(table, bulk).write(source(20, 10, nul))).as("bulk %s", bulk)
                    .isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("column name")
                    .hasMessageContaining("U+0000").hasMessageContaining(table + " at page 1:");
            assertThat(Sql.count(db(), "SELECT COUNT(*) FROM " + table)).as("bulk %s", bulk).isZero();
        }
    }
}
