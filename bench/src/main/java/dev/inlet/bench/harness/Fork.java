package dev.inlet.bench.harness;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one measurement in a fresh JVM (same java, same classpath as this one) so that no client
 * inherits another's JIT profile, heap or threads. The child reports on stdout with one line
 * {@code RESULT key=value key=value ...}; everything else it prints is kept for diagnostics.
 */
public final class Fork {

    private Fork() {
    }

    /** What a child JVM did. */
    public record Outcome(int exitCode, Map<String, String> result, List<String> stdout, List<String> stderr,
            double othersCpu, int waitedForQuiet) {

        /** The share of the machine's CPU that other processes used while the child ran (0 to 1). */
        public String disturbance() {
            return String.format(java.util.Locale.ROOT, "others used %.0f%% CPU%s", 100 * othersCpu,
                    waitedForQuiet > 0 ? ", waited " + waitedForQuiet + " s for quiet" : "");
        }

        /** Whether the child exited 0 and reported a result. */
        public boolean ok() {
            return exitCode == 0 && !result.isEmpty();
        }

        /** A numeric result field. */
        public double number(String key) {
            String value = result.get(key);
            if (value == null) {
                throw new IllegalStateException("the child reported no '" + key + "': " + this);
            }
            return Double.parseDouble(value);
        }

        /** The last lines of stderr, for a failure report. */
        public String stderrTail(int lines) {
            return String.join(" | ", stderr.subList(Math.max(0, stderr.size() - lines), stderr.size()));
        }
    }

    /**
     * Runs {@code mainClass} with the JVM flags and arguments, waiting at most {@code timeoutSeconds}.
     */
    public static Outcome run(List<String> jvmFlags, Class<?> mainClass, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        // -Dinlet.bench.quietSeconds=N shortens the wait where the machine is known to stay busy.
        int waited = Quiet.await(Integer.getInteger("inlet.bench.quietSeconds", 180));
        long[] cpuBefore = Quiet.cpuJiffies();
        long wallStart = System.nanoTime();
        Process process = new ProcessBuilder(command).start();
        List<String> stdout = new ArrayList<>();
        List<String> stderr = new ArrayList<>();
        Thread errReader = new Thread(() -> drain(process.getErrorStream(), stderr), "fork-stderr");
        errReader.start();
        drain(process.getInputStream(), stdout);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        errReader.join();
        long[] cpuAfter = Quiet.cpuJiffies();
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        Map<String, String> result = new LinkedHashMap<>();
        for (String line : stdout) {
            if (line.startsWith("RESULT ")) {
                for (String pair : line.substring(7).trim().split(" ")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        result.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            }
        }
        // Others' CPU: all the machine's busy time minus what the child reported as its own.
        double busySeconds = (cpuAfter[0] - cpuBefore[0]) / Quiet.HZ;
        double childSeconds = result.containsKey("cpuMs") ? Double.parseDouble(result.get("cpuMs")) / 1000 : 0;
        double capacity = wallSeconds * Runtime.getRuntime().availableProcessors();
        double others = capacity <= 0 ? 0 : Math.max(0, busySeconds - childSeconds) / capacity;
        return new Outcome(process.exitValue(), result, stdout, stderr, others, waited);
    }

    private static void drain(java.io.InputStream in, List<String> into) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (into) {
                    into.add(line);
                }
            }
        } catch (IOException ignored) {
            // The child died: what was read is what there is.
        }
    }

    /** Formats a child's result line: {@code RESULT k=v ...} (values must not contain spaces). */
    public static String resultLine(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder("RESULT");
        fields.forEach((k, v) -> out.append(' ').append(k).append('=').append(String.valueOf(v).replace(' ', '_')));
        return out.append(" cpuMs=").append(Quiet.processCpuMillis()).toString();
    }
}
