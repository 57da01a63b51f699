package dev.inlet.bench.sql;

import dev.inlet.bench.harness.Rounds;
import dev.inlet.bench.harness.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Ratios that survive a loaded machine: in one JVM, after warm-up, each round runs every contender once in
 * rotated order (A B C, B C A, ...), and each contender's ratio to the baseline is taken within the round, so
 * load that drifts over minutes hits both sides of a ratio alike. Reported as median (min–max) over rounds.
 */
final class PairedRounds {

    private PairedRounds() {
    }

    /** One contender's result: records/s and the ratio to the baseline, each over rounds. */
    record Result(String name, Stats perSecond, Stats ratio) {
    }

    /** Runs the contenders (each returns how many records it handled) and returns their results. */
    static List<Result> run(Map<String, Callable<Long>> contenders, String baseline, int warmups, int rounds,
            Runnable beforeEach) throws Exception {
        List<String> names = new ArrayList<>(contenders.keySet());
        for (int w = 0; w < warmups; w++) {
            for (String name : names) {
                beforeEach.run();
                contenders.get(name).call();
            }
        }
        Map<String, List<Double>> perSecond = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        names.forEach(n -> {
            perSecond.put(n, new ArrayList<>());
            ratios.put(n, new ArrayList<>());
        });
        for (int r = 0; r < rounds; r++) {
            Map<String, Long> nanos = new LinkedHashMap<>();
            for (String name : Rounds.order(names, r)) {
                beforeEach.run();
                long start = System.nanoTime();
                long records = contenders.get(name).call();
                long took = System.nanoTime() - start;
                nanos.put(name, took);
                perSecond.get(name).add(records / (took / 1e9));
            }
            for (String name : names) {
                ratios.get(name).add((double) nanos.get(baseline) / nanos.get(name));
            }
        }
        List<Result> out = new ArrayList<>();
        for (String name : names) {
            out.add(new Result(name, Stats.of(perSecond.get(name)), Stats.of(ratios.get(name))));
        }
        return out;
    }

    /** A markdown row. */
    static String row(String db, Result r, String target) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |", db, r.name(), r.perSecond().format("%,.0f"),
                r.ratio().format("%.3f"), target);
    }
}
