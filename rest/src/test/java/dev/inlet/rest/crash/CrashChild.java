package dev.inlet.rest.crash;

import dev.inlet.core.Connector;
import dev.inlet.core.state.Checkpointing;
import dev.inlet.core.state.FileStateStore;
import dev.inlet.core.state.SyncReport;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The child JVM of {@link CrashTest}: fetches every record from the {@link CrashServer} with a
 * checkpointed connector, appending each delivered record's id to a file (one write per record, so
 * it is in the file the moment the consumer returns), and reports progress on stdout for the parent
 * to pick its moment to kill.
 *
 * <p>Arguments: server port, state directory, output file, {@code dedupe} or {@code plain}. With
 * dedupe, the primary key is {@code /id} and the already-delivered check looks at the last page's
 * worth of lines of the output file — all a crash can leave in doubt.
 *
 * <p>Stdout lines: {@code r00042} per delivered record, {@code asked r00042} / {@code skipped r00042}
 * per already-delivered question and skip, {@code done …} at the end.
 */
public final class CrashChild {

    private CrashChild() {
    }

    /** Runs the sync to its end; exits 0 when done, 2 on a failure. */
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path stateDir = Path.of(args[1]);
        Path out = Path.of(args[2]);
        boolean dedupe = args[3].equals("dedupe");
        PrintStream progress = System.out;

        Connector<JsonNode> items = RestConnector.builder("crash-items").baseUrl("http://127.0.0.1:" + port)
                .path("/items").records("/data").paginator(Paginators.stripe()).build();
        Checkpointing.Builder<JsonNode> sync = Checkpointing.builder(items, FileStateStore.in(stateDir));
        if (dedupe) {
            Set<String> tail = lastLines(out, CrashServer.PAGE_SIZE);
            sync.primaryKey("/id").alreadyDelivered(key -> {
                progress.println("asked " + key);
                boolean have = tail.contains(key);
                if (have) {
                    progress.println("skipped " + key);
                }
                progress.flush();
                return have;
            });
        }
        try (FileOutputStream file = new FileOutputStream(out.toFile(), true)) {
            SyncReport report = sync.build().run(record -> {
                String id = record.get("id").asString();
                try {
                    file.write((id + "\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.println(id);
                progress.flush();
            });
            progress.println("done delivered=" + report.delivered() + " alreadyDelivered=" + report.alreadyDelivered());
            progress.flush();
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(2);
        }
    }

    /** The last {@code count} lines of the file (none if it does not exist yet). */
    private static Set<String> lastLines(Path file, int count) throws IOException {
        if (!Files.exists(file)) {
            return Set.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        return new HashSet<>(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
