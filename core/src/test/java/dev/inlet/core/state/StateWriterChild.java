package dev.inlet.core.state;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A child JVM of {@link FileStateStoreProcessesTest}. Modes:
 * <ul>
 *   <li>{@code write DIR NAME WRITER SAVES}: prints {@code ready}, waits for a line on stdin, then saves
 *       {@code SAVES} states of connector {@code NAME} (cursor {@code WRITER-i}, a few hundred recent
 *       keys so a torn file would show) and prints {@code done};</li>
 *   <li>{@code hold LOCKFILE}: takes the store's lock on that lock file, prints {@code locked}, and
 *       holds it until stdin closes.</li>
 * </ul>
 */
public final class StateWriterChild {

    private StateWriterChild() {
    }

    /** Runs one mode; exits 0 when done. */
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        if (args[0].equals("hold")) {
            try (StateFileLock lock = StateFileLock.acquire(Path.of(args[1]), "held", Duration.ofSeconds(30))) {
                System.out.println("locked");
                System.out.flush();
                while (in.readLine() != null) {
                    // Held until the parent closes stdin.
                }
            }
            return;
        }
        FileStateStore store = FileStateStore.in(Path.of(args[1]));
        String name = args[2];
        String writer = args[3];
        int saves = Integer.parseInt(args[4]);
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            keys.add(writer + "-key-" + k);
        }
        System.out.println("ready");
        System.out.flush();
        in.readLine();
        for (int i = 0; i < saves; i++) {
            store.save(name, ConnectorState.empty().withCursor(Optional.of(writer + "-" + i)).withRecentKeys(keys));
        }
        System.out.println("done");
        System.out.flush();
    }
}
