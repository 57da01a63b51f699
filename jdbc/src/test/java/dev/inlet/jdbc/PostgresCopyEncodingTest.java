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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    @BeforeEach
    void clean() throws Exception {
        Sql.run(db(), "DROP TABLE IF EXISTS texts", "DROP TABLE IF EXISTS texts_batched", "DROP TABLE IF EXISTS inlet_state",
                "DROP TABLE IF EXISTS inlet_state_batched");
    }

    /**
     * The tables, with {@code tag} of the given type: TEXT makes every column one the binary encoder writes;
     * NAME (PostgreSQL's identifier type, which it does not know) sends the same rows through the CSV encoder.
     */
    private static void tables(String tagType) throws Exception {
        Sql.run(db(), "CREATE TABLE texts (id BIGINT PRIMARY KEY, name TEXT, tag " + tagType + ", n BIGINT, at TIMESTAMPTZ, "
                + "small SMALLINT, mid INTEGER, f4 REAL, f8 DOUBLE PRECISION, d DATE, local TIMESTAMP, doc JSONB, "
                + "flag BOOLEAN, amount NUMERIC, price NUMERIC(12,2))", "CREATE TABLE texts_batched (LIKE texts INCLUDING ALL)");
        try (Connection c = db().getConnection()) {
            TableColumns columns = TableColumns.read(c.getMetaData(), "texts").orElseThrow();
            assertThat(CopyBinary.writes(List.of("id", "name", "tag", "n", "at", "small", "mid", "f4", "f8", "d", "local", "doc",
                    "flag", "amount", "price").stream().map(name -> columns.get(name).orElseThrow()).toList()))
                    .isEqualTo(tagType.equals("TEXT"));
        }
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

    /** Decimals at the edges of numeric's base-10000 digits (a long's worth and beyond), signs and scales. */
    static final List<String> DECIMALS = List.of("0", "-0.00", "1E+3", "-1E+9", "0.0001", "-0.00001234", "9999.9999",
            "10000", "10000.0001", "123456789012345678901234567890.123456789", "-1e-20", "3.14159265358979323846",
            "99999999999999999", "0.10");

    /**
     * Record i: a hostile text (cycling), extreme or ordinary numbers of each width, a timestamp in one of three
     * shapes (nanoseconds never exactly half a microsecond, where rounding rules differ), NULLs now and then.
     */
    static ObjectNode record(int i) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", i);
        n.put("name", HOSTILE.get(i % HOSTILE.size()));
        n.put("tag", "t-" + HOSTILE.get(i % HOSTILE.size()).replace("\u0000", "")); // NAME holds 63 bytes
        long[] numbers = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 9, 10, -10, 1_234_567_890_123L};
        n.put("n", numbers[i % numbers.length]);
        n.put("at", switch (i % 3) {
            case 0 -> "2026-03-0" + (1 + i % 9) + "T12:00:0" + i % 10 + "Z";
            case 1 -> "1999-12-31T23:59:59.123456789Z";
            default -> "2026-03-01T14:00:00.9999996+02:00";
        });
        n.put("small", new int[] {Short.MIN_VALUE, Short.MAX_VALUE, 0, -1}[i % 4]);
        n.put("mid", new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 123}[i % 4]);
        n.put("f4", new double[] {0.1, -3.4e38, 1.0e-45, 0}[i % 4]);
        n.put("f8", new double[] {0.1, -1.7976931348623157e308, 4.9e-324, -0.0}[i % 4]);
        n.put("d", new String[] {"2000-01-01", "1999-12-31", "0001-01-01", "9999-12-31"}[i % 4]);
        n.put("local", new String[] {"2000-01-01T00:00:00", "1970-01-01T00:00:00.000001", "2026-03-01T12:30"}[i % 3]);
        n.set("doc", JsonNodeFactory.instance.objectNode().put("k", HOSTILE.get(i % HOSTILE.size())).put("i", i));
        n.put("flag", i % 2 == 0);
        n.put("amount", new java.math.BigDecimal(DECIMALS.get(i % DECIMALS.size())));
        n.put("price", new java.math.BigDecimal(i + ".5"));
        if (i % 11 == 5) {
            for (String column : List.of("name", "tag", "n", "at", "small", "mid", "f4", "f8", "d", "local", "doc", "flag",
                    "amount", "price")) {
                n.putNull(column);
            }
        }
        return n;
    }

    /** Every row of a table as text, read back through JDBC (the name exactly, not as the database prints it). */
    private static List<String> rows(String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, name, concat_ws('|', tag, n, at, small, mid, f4, f8, d, local, doc, "
                        + "flag, amount, price) FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "tag {0}")
    @ValueSource(strings = {"TEXT", "NAME"})
    void hostileValuesComeBackExactlyAsSentThroughTheInitialLoadAndThroughTheStage(String tagType) throws Exception {
        tables(tagType);
        int total = HOSTILE.size() * 4;
        assertThat(sink("texts", true).write(source(total, 25, PostgresCopyEncodingTest::record)).rows()).isEqualTo(total);
        sink("texts_batched", false).write(source(total, 25, PostgresCopyEncodingTest::record));
        List<String> copied = rows("texts");
        assertThat(copied).hasSize(total).containsExactlyElementsOf(rows("texts_batched"));
        for (int i = 0; i < total; i++) {
            String sent = HOSTILE.get(i % HOSTILE.size());
            // as sent, but for a lone surrogate, which no UTF-8 can carry: '?' as the JDK's encoder writes it
            String expected = new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertThat(copied.get(i).split("\\|", -1)[1]).as("record %d", i).isEqualTo(i % 11 == 5 ? "null" : expected);
        }
        // a second run finds the table full: every page goes through the stage, and changes nothing
        assertThat(sink("texts", true).write(source(total, 25, PostgresCopyEncodingTest::record)).rows()).isEqualTo(total);
        assertThat(rows("texts")).containsExactlyElementsOf(copied);
    }

    @ParameterizedTest(name = "tag {0}")
    @ValueSource(strings = {"TEXT", "NAME"})
    void pagesOfManyChunksKeepEveryCharacterThatFallsOnAChunkBoundary(String tagType) throws Exception {
        tables(tagType);
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

    @ParameterizedTest(name = "tag {0}")
    @ValueSource(strings = {"TEXT", "NAME"})
    void aValueRefusedHalfWayThroughACopyLeavesNothingOfItsPageAndTheRerunCompletes(String tagType) throws Exception {
        tables(tagType);
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

    @ParameterizedTest(name = "tag {0}")
    @ValueSource(strings = {"TEXT", "NAME"})
    void aNulCharacterIsRefusedByBothPathsAndNothingOfItsPageIsWritten(String tagType) throws Exception {
        tables(tagType);
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

    @ParameterizedTest(name = "tag {0}")
    @ValueSource(strings = {"TEXT", "NAME"})
    void aVeryLongNumericLandsAsOnTheBatchedPathAndOneBeyondAnyNumericIsRefusedOnBoth(String tagType)
            throws Exception {
        tables(tagType);
        // 13,000 digits before the point and 20 after: 3,255 base-10000 digits in the binary form, far past its
        // long fast path; the batched insert takes it, so COPY must as well
        String digits = "9".repeat(13_000) + "." + "1".repeat(20);
        IntFunction<JsonNode> longOne = i -> record(i).put("amount", new java.math.BigDecimal(i == 3 ? digits : "1"));
        sink("texts", true).write(source(10, 5, longOne));
        sink("texts_batched", false).write(source(10, 5, longOne));
        assertThat(rows("texts")).containsExactlyElementsOf(rows("texts_batched"));
        assertThat(Sql.column(db(), "SELECT amount::text FROM texts WHERE id = 3")).containsExactly(digits);
        // beyond what any SQL numeric holds: refused before it is written out (1e1000000000 as text is a GB)
        IntFunction<JsonNode> hostile = i -> record(i).put("amount", new java.math.BigDecimal("1e1000000000"));
        for (boolean bulk : new boolean[] {true, false}) {
            String table = bulk ? "texts" : "texts_batched";
            assertThatThrownBy(() -> sink(table, bulk).write(source(1, 1, hostile))).as("bulk %s", bulk)
                    .isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("column amount")
                    .hasMessageContaining("more digits than any SQL numeric holds");
        }
    }
}
