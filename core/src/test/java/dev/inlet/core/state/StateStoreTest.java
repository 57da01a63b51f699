package dev.inlet.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Position;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both stores keep states per name; the file store writes atomically and refuses corrupt files. */
class StateStoreTest {

    @TempDir
    Path dir;

    private static ConnectorState state(String token) {
        return ConnectorState.empty().withPosition(Position.startingAt(token), true)
                .withCursor(Optional.of("2026-01-01T00:00:00Z")).withRecentKeys(List.of("k1", "k2"))
                .withUpdatedAt(Instant.parse("2026-01-02T00:00:00Z"));
    }

    private StateStore store(String kind) {
        return kind.equals("file") ? FileStateStore.in(dir.resolve("states")) : new InMemoryStateStore();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "file"})
    void savesLoadsReplacesAndDeletesPerName(String kind) {
        StateStore store = store(kind);

        assertThat(store.load("charges")).isEmpty();
        store.save("charges", state("p1"));
        store.save("contacts", state("c1"));
        store.save("charges", state("p2"));

        assertThat(store.load("charges")).contains(state("p2"));
        assertThat(store.load("contacts")).contains(state("c1"));
        store.delete("charges");
        store.delete("never-saved");
        assertThat(store.load("charges")).isEmpty();
        assertThat(store.load("contacts")).isPresent();
        assertThatThrownBy(() -> store.save(" ", state("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-blank");
    }

    @Test
    void aFileStoreSurvivesANewInstanceAndLeavesNoTemporaryFile() throws IOException {
        FileStateStore.in(dir).save("charges", state("p7"));

        assertThat(FileStateStore.in(dir).load("charges")).contains(state("p7"));
        try (Stream<Path> files = Files.list(dir)) {
            // The lock file stays on purpose (deleting it would race with the next writer); no temporary file does.
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("charges.state.json",
                    "charges.state.json.lock");
        }
    }

    @Test
    void namesThatAreNotSafeFileNamesAreEncodedAndStayApart() {
        FileStateStore store = FileStateStore.in(dir);
        List<String> names = List.of("a/b", "a%2fb", "../escape", ".hidden", "ünïcode", "with space", "a.b");
        for (String name : names) {
            store.save(name, state(name));
        }
        for (String name : names) {
            assertThat(store.load(name)).as(name).contains(state(name));
            assertThat(store.file(name).getParent()).isEqualTo(dir.toAbsolutePath());
        }
        assertThat(store.file("../escape").getFileName().toString()).isEqualTo("%2e.%2fescape.state.json");
    }

    @Test
    void aCorruptFileIsAnErrorNamingTheFileNeverAnEmptyState() throws IOException {
        FileStateStore store = FileStateStore.in(dir);
        store.save("charges", state("p1"));
        Path file = store.file("charges");
        Files.writeString(file, "{\"v\":1,\"position\":", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> store.load("charges")).isInstanceOf(StateStoreException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("corrupt")
                .hasMessageContaining("delete it");

        Files.writeString(file, "", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store.load("charges")).isInstanceOf(StateStoreException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void concurrentSavesAlwaysLeaveOneWholeState() throws Exception {
        FileStateStore store = FileStateStore.in(dir);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String token = "p" + i;
                saves.add(pool.submit(() -> store.save("charges", state(token))));
            }
            for (Future<?> save : saves) {
                save.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        ConnectorState loaded = store.load("charges").orElseThrow();
        assertThat(loaded.position().orElseThrow().token().orElseThrow()).matches("p\\d+");
    }

    @Test
    void aStoreDirectoryThatIsAFileIsAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> FileStateStore.in(file)).isInstanceOf(StateStoreException.class)
                .hasMessageContaining("not-a-dir");
    }
}
