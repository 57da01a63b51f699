package dev.inlet.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real processes saving one connector's state into one {@link FileStateStore} directory, while
 * this one reads it: no read may ever see an empty or partial state, and a writer that cannot get the
 * lock is told who holds it.
 */
@Timeout(120)
class FileStateStoreProcessesTest {

    private static final int SAVES = 250;

    @TempDir
    Path dir;

    @Test
    void twoWritingProcessesNeverLeaveAReaderAnEmptyOrPartialState() throws Exception {
        Path states = dir.resolve("states");
        FileStateStore reader = FileStateStore.in(states);
        List<Child> writers = List.of(Child.start("write", states.toString(), "shared", "a", Integer.toString(SAVES)),
                Child.start("write", states.toString(), "shared", "b", Integer.toString(SAVES)));
        for (Child writer : writers) {
            assertThat(writer.nextLine()).isEqualTo("ready");
        }
        writers.forEach(Child::go);

        int reads = 0;
        List<String> failures = new ArrayList<>();
        while (writers.stream().anyMatch(Child::alive) || reads == 0) {
            try {
                Optional<ConnectorState> state = reader.load("shared");
                if (state.isPresent()) {
                    reads++;
                    String cursor = state.get().cursor().orElse("");
                    if (!cursor.matches("[ab]-\\d+") || state.get().recentKeys().size() != 300) {
                        failures.add("read an unexpected state: " + state.get());
                    }
                }
            } catch (StateStoreException e) {
                failures.add(e.getMessage());
            }
        }
        for (Child writer : writers) {
            assertThat(writer.finish()).as("writer exit code; stderr: %s", writer.errors()).isZero();
        }

        assertThat(failures).as("failed reads among %d", reads + failures.size()).isEmpty();
        assertThat(reads).isPositive();
        assertThat(reader.load("shared").orElseThrow().cursor()).hasValueSatisfying(c ->
                assertThat(c).isIn("a-" + (SAVES - 1), "b-" + (SAVES - 1)));
        try (Stream<Path> files = Files.list(states)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary file is left behind").containsExactlyInAnyOrder("shared.state.json",
                            "shared.state.json.lock");
        }
    }

    @Test
    void aSaveThatCannotGetTheLockNamesTheDirectoryAndTheHolder() throws Exception {
        Path states = dir.resolve("states");
        FileStateStore store = FileStateStore.in(states).lockTimeout(Duration.ofMillis(200));
        Child holder = Child.start("hold", store.file("busy").resolveSibling("busy.state.json.lock").toString());
        assertThat(holder.nextLine()).isEqualTo("locked");

        assertThatThrownBy(() -> store.save("busy", ConnectorState.empty()))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("Another process is saving the state of connector 'busy' in " + states)
                .hasMessageContaining("process " + holder.process.pid() + "@")
                .hasMessageContaining("its own state directory");
        assertThat(store.load("busy")).isEmpty();

        holder.go();
        assertThat(holder.finish()).isZero();
        store.save("busy", ConnectorState.empty().withCursor(Optional.of("after")));
        assertThat(store.load("busy").orElseThrow().cursor()).contains("after");
    }

    /** A child JVM running {@link StateWriterChild}. */
    private static final class Child {
        private final Process process;
        private final BufferedReader out;
        private final OutputStream in;
        private final Path errors;

        private Child(Process process, Path errors) {
            this.process = process;
            this.errors = errors;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
            this.in = process.getOutputStream();
        }

        static Child start(String... args) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    StateWriterChild.class.getName()));
            command.addAll(List.of(args));
            Path errors = Files.createTempFile("state-child", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            return new Child(builder.start(), errors);
        }

        String nextLine() throws IOException {
            return out.readLine();
        }

        /** Sends the go line (a writer starts) or closes stdin (a holder releases). */
        void go() {
            try {
                in.write("go\n".getBytes(StandardCharsets.US_ASCII));
                in.flush();
                in.close();
            } catch (IOException e) {
                throw new IllegalStateException("the child's stdin is closed", e);
            }
        }

        boolean alive() {
            return process.isAlive();
        }

        int finish() throws InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("a child did not finish within 60 s");
            }
            return process.exitValue();
        }

        String errors() throws IOException {
            return Files.readString(errors);
        }
    }
}
