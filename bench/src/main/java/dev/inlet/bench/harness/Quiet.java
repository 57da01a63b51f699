package dev.inlet.bench.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine is shared with other work (builds of other checkouts): before a measurement the
 * harness waits until the CPUs are mostly idle, and around it measures how much CPU other processes
 * took, so a disturbed run is visible in the output instead of silently skewing a median.
 */
public final class Quiet {

    private static final double IDLE_ENOUGH = 0.85;

    private Quiet() {
    }

    /** Jiffies of all CPUs: {busy, total}, from /proc/stat; zeros if unreadable. */
    public static long[] cpuJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /**
     * Waits (up to {@code maxSeconds}) until one second passes with the CPUs at least 85% idle;
     * returns the seconds waited.
     */
    public static int await(int maxSeconds) throws InterruptedException {
        for (int waited = 0; waited < maxSeconds; waited++) {
            long[] before = cpuJiffies();
            // Sampling the machine's load over a second is the measurement itself, not a wait for an event.
            Thread.sleep(1000);
            long[] after = cpuJiffies();
            long total = after[1] - before[1];
            if (total <= 0 || 1.0 - (double) (after[0] - before[0]) / total >= IDLE_ENOUGH) {
                return waited;
            }
        }
        return maxSeconds;
    }

    /** CPU time this JVM has used, in milliseconds. */
    public static long processCpuMillis() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime() / 1_000_000;
        }
        return 0;
    }

    /**
     * Context switches of this JVM's live threads so far (voluntary and not), from
     * /proc/self/task/{@literal *}/status; -1 if unreadable. Hand-offs between threads cost
     * switches, which on two cores cost throughput.
     */
    public static long contextSwitches() {
        long total = 0;
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches") || line.startsWith("nonvoluntary_ctxt_switches")) {
                            total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException | RuntimeException gone) {
                    // The thread ended while we looked: its switches are lost, which is fine for a ratio.
                }
            }
            return total;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Jiffies per second on Linux. */
    static final double HZ = 100.0;
}
