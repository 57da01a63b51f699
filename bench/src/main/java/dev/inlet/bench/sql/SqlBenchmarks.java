package dev.inlet.bench.sql;

import dev.inlet.bench.harness.JmhRunner;
import dev.inlet.bench.harness.Machine;
import dev.inlet.bench.harness.Options;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs benchmark 9 (SQL source and sink, JMH) on each database and prints records/s with the ratio to the
 * hand-written JDBC loop of the same run, against the targets: source ≥ 0.95 of the loop, sink (batched)
 * ≥ 0.95 of the hand-written batched upsert, bulk path (PostgreSQL COPY) ≥ 3× of it.
 */
public final class SqlBenchmarks {

    private SqlBenchmarks() {
    }

    /** Runs it and prints the markdown tables. */
    public static void run(Options options) throws Exception {
        List<String> dbs = options.list("dbs", List.of("duckdb", "postgres"));
        int sourceRows = options.integer("source-rows", 200_000);
        System.out.println("## SQL source and sink (JMH, -prof gc; ms per op = one full pass)");
        System.out.println(Machine.describe());
        System.out.println();
        System.out.println("| database | benchmark | records/s, median over forks (min–max) | B/record | ratio to the loop | target |");
        System.out.println("|---|---|---|---|---|---|");
        for (String db : dbs) {
            Map<String, JmhRunner.Summary> s = JmhRunner.run(SqlSourceBenchmark.class, options,
                    b -> b.param("db", db).param("rows", String.valueOf(sourceRows)));
            JmhRunner.Summary loop = find(s, "handWrittenLoop");
            for (JmhRunner.Summary summary : s.values()) {
                print(db, summary, loop, sourceRows, summary.name().startsWith("inletStreaming") ? 0.95 : 0);
            }
        }
        for (String db : dbs) {
            int rows = options.integer("sink-rows-" + db, db.equals("duckdb") ? 2_000 : 20_000);
            int page = options.integer("sink-page-" + db, db.equals("duckdb") ? 1_000 : 5_000);
            Map<String, JmhRunner.Summary> s = JmhRunner.run(SqlSinkBenchmark.class, options,
                    b -> b.param("db", db).param("rows", String.valueOf(rows)).param("pageSize", String.valueOf(page)));
            JmhRunner.Summary loop = find(s, "handWrittenBatched");
            for (JmhRunner.Summary summary : s.values()) {
                double target = summary.name().startsWith("inletBatched") ? 0.95
                        : summary.name().startsWith("inletBulk") && db.equals("postgres") ? 3 : 0;
                print(db, summary, loop, rows, target);
            }
        }
    }

    private static JmhRunner.Summary find(Map<String, JmhRunner.Summary> summaries, String method) {
        return summaries.values().stream().filter(s -> s.name().startsWith(method + "[")).findFirst().orElseThrow();
    }

    private static void print(String db, JmhRunner.Summary s, JmhRunner.Summary loop, int rows, double target) {
        double perSecond = rows / (s.nanos().median() / 1_000.0);
        double min = rows / (s.nanos().max() / 1_000.0);
        double max = rows / (s.nanos().min() / 1_000.0);
        double ratio = loop.nanos().median() / s.nanos().median();
        String verdict = target == 0 ? "–" : String.format(Locale.ROOT, "≥ %s: %s", target == 3 ? "3×" : "0.95",
                ratio >= target ? "met" : "MISSED");
        System.out.println(String.format(Locale.ROOT, "| %s | %s | %,.0f (%,.0f–%,.0f) | %,.0f | %.3f | %s |", db,
                s.name().replaceAll("\\[.*", ""), perSecond, min, max, s.bytes().median() / rows, ratio, verdict));
    }
}
