package dev.inlet.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Both thread paths of the scheduler, {@code ConcurrentFetch} and prefetch, each in a JVM of its own:
 * the platform-thread path on the JVM running the build (Java 17), the virtual-thread path on a
 * Java 21+ JDK ({@code -Dinlet.jdk21.home}, default the JDK 25 the build machines carry). Without such
 * a JDK the second test is skipped, saying so.
 */
class WaitingThreadsTest {

    private static final Path JDK21 = Path.of(System.getProperty("inlet.jdk21.home",
            "/usr/lib/jvm/temurin-25-jdk-amd64"));

    @Test
    void onThisJvm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> out = probe(java);
        assertThat(out).contains("PROBE OK on Java " + Runtime.version().feature());
        if (Runtime.version().feature() < 21) {
            assertThat(out).contains("ok   virtual=false", "ok   256 fetches waiting at once");
            // the cap is said, once, at WARN: how many were asked for and how to lift it
            assertThat(out.stream().filter(line -> line.contains("at most 256 platform threads"))).singleElement()
                    .asString().contains("WARN").contains("inlet-fetch: 2000 may run at once").contains("executor(...)");
        }
    }

    @Test
    void onJava21OrLaterWithVirtualThreads() throws Exception {
        Path java = JDK21.resolve("bin").resolve("java");
        Assumptions.assumeTrue(Files.isExecutable(java), "no Java 21+ JDK at " + JDK21
                + " (set -Dinlet.jdk21.home): the virtual-thread path is not run here");
        List<String> out = probe(java);
        assertThat(out).contains("ok   virtual=true", "ok   scheduler job on a virtual thread=true",
                "ok   2,000 fetches waiting at once", "ok   pages ahead on a virtual thread=true");
        assertThat(out).noneMatch(line -> line.contains("platform threads of its own"));
        assertThat(out.get(out.size() - 1)).startsWith("PROBE OK on Java ");
    }

    private static List<String> probe(Path java) throws IOException, InterruptedException {
        Path log = Files.createTempFile("probe", ".txt");
        try {
            Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), WaitingThreadsProbe.class.getName())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = process.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            List<String> out = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertThat(ended).as("the probe ended within 120 s: %s", out).isTrue();
            assertThat(process.exitValue()).as("probe output: %s", out).isZero();
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
