package dev.inlet.bench.ratelimit;

import dev.inlet.bench.harness.Options;
import dev.inlet.bench.harness.Machine;
import dev.inlet.bench.harness.Rounds;
import dev.inlet.bench.harness.Stats;
import dev.inlet.bench.server.LoopbackServer;
import dev.inlet.bench.server.ThrottledPages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 4, rate-limit efficiency: a server allowing 50 requests per second (a token bucket with a
 * burst of 10; 429 with {@code Retry-After: 1} beyond), and 8 workers paging it for 20 seconds: 8
 * Inlet connectors sharing one limiter, versus naive loops that retry a 429 at once or after a short
 * fixed sleep (and, for reference, Inlet connectors with no limiter, which only honour
 * {@code Retry-After}). Reports the requests let through per second as a share of the allowed rate,
 * and the 429s.
 */
public final class Throttling {

    /** A way of running the workers until the deadline. */
    interface Contender {
        /** Runs worker {@code index} against the server until {@code deadline} ({@link System#nanoTime()}). */
        void work(int index, String baseUrl, long deadline) throws Exception;

        /** Runs that stopped with an error (and were started again); 0 for loops that never give up. */
        default long gaveUp() {
            return 0;
        }
    }

    /** One scenario's outcome. */
    public record Outcome(long allowed, long throttled, double seconds, long gaveUp) {

        /** Requests let through per second. */
        public double rate() {
            return allowed / seconds;
        }
    }

    private Throttling() {
    }

    /** The contenders by name. */
    static Contender contender(String name, int workers, int rate) {
        return switch (name) {
            case "inlet-shared-limiter" -> new InletWorkers(workers, rate, true);
            case "inlet-no-limiter" -> new InletWorkers(workers, rate, false);
            case "naive-immediate" -> new NaiveWorkers(0);
            case "naive-sleep-100ms" -> new NaiveWorkers(100);
            default -> throw new IllegalArgumentException("unknown contender " + name);
        };
    }

    /** Runs one scenario against a fresh server and returns what the server counted. */
    public static Outcome measure(String name, int workers, int rate, double seconds) throws Exception {
        ThrottledPages api = new ThrottledPages(rate, rate / 5.0, 10);
        Contender contender = contender(name, workers, rate);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try (LoopbackServer server = LoopbackServer.start(api)) {
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            api.countUntil(deadline);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                int index = i;
                running.add(pool.submit(() -> {
                    contender.work(index, server.baseUrl(), deadline);
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get((long) seconds + 60, TimeUnit.SECONDS);
            }
            return new Outcome(api.allowed(), api.throttled(), seconds, contender.gaveUp());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs every scenario, interleaved, and prints the markdown table. */
    public static void run(Options options) throws Exception {
        int runs = options.integer("runs", 5);
        int workers = options.integer("workers", 8);
        int rate = options.integer("rate", 50);
        double seconds = options.integer("seconds", 20);
        List<String> names = options.list("contenders", List.of("inlet-shared-limiter", "naive-immediate",
                "naive-sleep-100ms", "inlet-no-limiter"));
        System.out.println("## Rate-limit efficiency: " + workers + " workers, server allows " + rate + " req/s, "
                + seconds + " s per scenario");
        System.out.println(Machine.describe());
        Map<String, List<Double>> shares = new LinkedHashMap<>();
        Map<String, List<Double>> refused = new LinkedHashMap<>();
        Map<String, Long> gaveUp = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            for (String name : Rounds.order(names, run)) {
                dev.inlet.bench.harness.Quiet.await(180);
                Outcome outcome = measure(name, workers, rate, seconds);
                shares.computeIfAbsent(name, k -> new ArrayList<>()).add(outcome.rate() / rate);
                refused.computeIfAbsent(name, k -> new ArrayList<>()).add((double) outcome.throttled());
                gaveUp.merge(name, outcome.gaveUp(), Long::sum);
                System.out.printf(Locale.ROOT, "run %d %-22s %5d let through (%.1f req/s, %.3f of allowed), %6d x 429, "
                        + "%d runs gave up%n", run + 1, name, outcome.allowed(), outcome.rate(), outcome.rate() / rate,
                        outcome.throttled(), outcome.gaveUp());
            }
        }
        System.out.println();
        System.out.println("| contender | share of allowed rate, median (min–max) | 429s per run, median (min–max) "
                + "| runs that gave up, all runs |");
        System.out.println("|---|---|---|---|");
        for (String name : names) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %d |%n", name, Stats.of(shares.get(name)).format("%.3f"),
                    Stats.of(refused.get(name)).format("%,.0f"), gaveUp.get(name));
        }
    }
}
