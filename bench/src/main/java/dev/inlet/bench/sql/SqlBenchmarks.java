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

    /** Runs it and prints the markdown tables: paired rounds first, then JMH (unless {@code --jmh false}). */
    public static void run(Options options) throws Exception {
        List<String> dbs = options.list("dbs", List.of("duckdb", "postgres"));
        int sourceRows = options.integer("source-rows", 200_000);
        paired(options, dbs, sourceRows);
        if (options.text("jmh", "true").equals("false")) {
            return;
        }
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

    /** The same contenders in one JVM, alternating, with the ratio taken per round (see {@link PairedRounds}). */
    private static void paired(Options options, List<String> dbs, int sourceRows) throws Exception {
        int warmups = options.integer("paired-warmups", 3);
        int rounds = options.integer("paired-rounds", 9);
        System.out.println("## SQL source and sink, paired rounds (one JVM, " + warmups + " warm-up and " + rounds
                + " measured rounds, order rotated; ratio to the hand-written loop taken within each round)");
        System.out.println(Machine.describe());
        System.out.println();
        System.out.println("| database | contender | records/s, median (min–max) | ratio to the loop, median (min–max) | target |");
        System.out.println("|---|---|---|---|---|");
        for (String db : dbs) {
            SqlSourceBenchmark source = new SqlSourceBenchmark();
            source.db = db;
            source.rows = sourceRows;
            source.setUp();
            try {
                Map<String, java.util.concurrent.Callable<Long>> contenders = new java.util.LinkedHashMap<>();
                contenders.put("handWrittenLoop", () -> source.handWrittenLoop() % 1_000_000L);
                contenders.put("inletStreaming", () -> source.inletStreaming() % 1_000_000L);
                contenders.put("inletPerPage", () -> source.inletPerPage() % 1_000_000L);
                for (PairedRounds.Result r : PairedRounds.run(contenders, "handWrittenLoop", warmups, rounds, () -> { })) {
                    System.out.println(PairedRounds.row(db, r, r.name().equals("inletStreaming")
                            ? verdict(r.ratio().median(), 0.95) : "–"));
                }
            } finally {
                source.tearDown();
            }
            SqlSinkBenchmark sink = new SqlSinkBenchmark();
            sink.db = db;
            sink.rows = options.integer("sink-rows-" + db, db.equals("duckdb") ? 2_000 : 20_000);
            sink.pageSize = options.integer("sink-page-" + db, db.equals("duckdb") ? 1_000 : 5_000);
            sink.setUp();
            try {
                Map<String, java.util.concurrent.Callable<Long>> contenders = new java.util.LinkedHashMap<>();
                contenders.put("handWrittenBatched", sink::handWrittenBatched);
                contenders.put("inletBatched", sink::inletBatched);
                contenders.put("inletBulk", sink::inletBulk);
                List<PairedRounds.Result> results = PairedRounds.run(contenders, "handWrittenBatched",
                        Math.min(warmups, 2), rounds, () -> {
                            try {
                                sink.empty();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
                for (PairedRounds.Result r : results) {
                    String target = r.name().equals("inletBatched") ? verdict(r.ratio().median(), 0.95)
                            : r.name().equals("inletBulk") && db.equals("postgres") ? verdict(r.ratio().median(), 3)
                            : "–";
                    System.out.println(PairedRounds.row(db, r, target));
                }
            } finally {
                sink.tearDown();
            }
        }
        System.out.println();
    }

    private static String verdict(double ratio, double target) {
        return String.format(Locale.ROOT, "≥ %s: %s", target == 3 ? "3×" : "0.95", ratio >= target ? "met" : "MISSED");
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
