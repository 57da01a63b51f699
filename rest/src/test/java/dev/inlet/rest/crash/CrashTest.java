package dev.inlet.rest.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of checkpointing: a child JVM fetches 20,000 records (200 pages) with a
 * {@code FileStateStore}, and is killed ({@code destroyForcibly}, SIGKILL on Unix) 10 times at
 * random (seeded) moments of its delivery, then restarted, and finally let finish. Every record must
 * be delivered; a crash may repeat at most the one page it interrupted, and none with primary-key
 * dedupe and the already-delivered check.
 */
class CrashTest {

    private static final int KILLS = 10;
    private static CrashServer server;

    @TempDir
    Path dir;

    /** Bounded waits, in seconds: for one line of progress, for a child to end, for the final run's last line. */
    private static final long LINE_TIMEOUT = 30;
    private static final long EXIT_TIMEOUT = 15;
    private static final long FINISH_TIMEOUT = 120;

    @BeforeAll
    static void startServer() throws IOException {
        server = new CrashServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void killedTenTimesItLosesNothingAndRepeatsAtMostOnePagePerCrash() throws Exception {
        Outcome outcome = crashAndRestart("plain", 20260101L);

        assertThat(outcome.perCrashDuplicates).hasSize(KILLS).allSatisfy(d -> assertThat(d)
                .isBetween(0, CrashServer.PAGE_SIZE));
        assertThat(outcome.perCrashDuplicates.stream().mapToInt(Integer::intValue).sum())
                .as("some kill landed mid-page, or this test proves nothing").isPositive();
    }

    @Test
    void withPrimaryKeyDedupeNoRecordIsRepeated() throws Exception {
        Outcome outcome = crashAndRestart("dedupe", 20260102L);

        assertThat(outcome.perCrashDuplicates).hasSize(KILLS).containsOnly(0);
        assertThat(outcome.skipped).as("in-doubt records were recognised and skipped").isPositive();
        assertThat(outcome.maxAskedPerRun).as("only the in-doubt page is ever asked about")
                .isLessThanOrEqualTo(CrashServer.PAGE_SIZE);
    }

    /** What the runs left behind. */
    private record Outcome(List<Integer> perCrashDuplicates, int skipped, int maxAskedPerRun) {
    }

    private Outcome crashAndRestart(String mode, long seed) throws Exception {
        Path out = dir.resolve("delivered.txt");
        Path state = dir.resolve("state");
        Random random = new Random(seed);
        List<Integer> linesAtKill = new ArrayList<>();
        int skipped = 0;
        int maxAsked = 0;
        long started = System.nanoTime();
        int requestsBefore = server.requests();
        for (int run = 0; run <= KILLS; run++) {
            // Kill after 100..1,700 deliveries of this run: ten runs can never reach the 20,000th record.
            int killAfter = run < KILLS ? 100 + random.nextInt(1_601) : Integer.MAX_VALUE;
            Child child = Child.start(server.port(), state, out, mode, dir.resolve("child-" + run + ".err"));
            int delivered = 0;
            int asked = 0;
            boolean done = false;
            try {
                while (delivered < killAfter && !done) {
                    String line = child.nextLine(run < KILLS ? LINE_TIMEOUT : FINISH_TIMEOUT);
                    if (line == null) {
                        fail("child run " + run + " ended without finishing; see " + child.errors + ":\n"
                                + Files.readString(child.errors));
                    }
                    if (line.startsWith("r")) {
                        delivered++;
                    } else if (line.startsWith("asked ")) {
                        asked++;
                    } else if (line.startsWith("skipped ")) {
                        skipped++;
                    } else if (line.startsWith("done")) {
                        done = true;
                    }
                }
            } finally {
                child.end(done, EXIT_TIMEOUT);
            }
            maxAsked = Math.max(maxAsked, asked);
            if (run < KILLS) {
                assertThat(done).as("run %d finished before its kill", run).isFalse();
                linesAtKill.add(Files.readAllLines(out).size());
            } else {
                assertThat(done).as("the last run finishes").isTrue();
                assertThat(child.exitCode).isZero();
            }
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        List<String> lines = Files.readAllLines(out);
        Set<String> expected = IntStream.range(0, CrashServer.RECORDS).mapToObj(CrashServer::id)
                .collect(Collectors.toSet());
        assertThat(lines).allMatch(l -> l.matches("r\\d{5}"));
        assertThat(new HashSet<>(lines)).as("0 lost, nothing extra").isEqualTo(expected);
        List<Integer> perCrash = duplicatesPerCrash(lines, linesAtKill);
        assertThat(perCrash.stream().mapToInt(Integer::intValue).sum()).as("every duplicate comes from a crash")
                .isEqualTo(lines.size() - CrashServer.RECORDS);
        System.out.printf("crash test (%s): %d records in %d lines, %d kills at lines %s, duplicates per crash %s, "
                        + "in-doubt records skipped %d, max asked per run %d, %d requests, %d ms%n", mode,
                CrashServer.RECORDS, lines.size(), KILLS, linesAtKill, perCrash, skipped, maxAsked, server.requests() - requestsBefore,
                elapsedMs);
        return new Outcome(perCrash, skipped, maxAsked);
    }

    /** For crash k: how many records the run after it delivered that an earlier run had delivered already. */
    private static List<Integer> duplicatesPerCrash(List<String> lines, List<Integer> linesAtKill) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < linesAtKill.size(); k++) {
            int from = linesAtKill.get(k);
            int to = k + 1 < linesAtKill.size() ? linesAtKill.get(k + 1) : lines.size();
            Set<String> before = new HashSet<>(lines.subList(0, from));
            out.add((int) lines.subList(from, to).stream().filter(before::contains).count());
        }
        return out;
    }

    /** A child JVM running {@link CrashChild}, its stdout read by a daemon thread into a queue. */
    private static final class Child {
        private static final String EOF = "\u0000eof";

        private final Process process;
        private final Path errors;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private int exitCode = -1;

        private Child(Process process, Path errors) {
            this.process = process;
            this.errors = errors;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.US_ASCII))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException killed) {
                    // The pipe breaks when the child is killed: the end of its output.
                } finally {
                    lines.add(EOF);
                }
            }, "crash-child-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(int port, Path state, Path out, String mode, Path errors) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                    CrashChild.class.getName(), Integer.toString(port), state.toString(), out.toString(), mode);
            builder.redirectError(errors.toFile());
            return new Child(builder.start(), errors);
        }

        /** The next stdout line, or null at the end of the output. */
        String nextLine(long timeoutSeconds) throws InterruptedException {
            String line = lines.poll(timeoutSeconds, TimeUnit.SECONDS);
            if (line == null) {
                process.destroyForcibly();
                fail("no output from the child for " + timeoutSeconds + " s");
            }
            return line.equals(EOF) ? null : line;
        }

        /** Lets a finished child exit, or kills it (SIGKILL on Unix); waits, bounded, until it is gone. */
        void end(boolean finished, long timeoutSeconds) throws InterruptedException {
            if (!finished) {
                process.destroyForcibly();
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the child did not end within " + timeoutSeconds + " s");
            }
            exitCode = process.exitValue();
        }
    }
}
