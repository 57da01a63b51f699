package dev.inlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.testkit.Auth;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a user runs it: a separate JVM ({@code java -cp <test classpath> dev.inlet.cli.Main}) against a
 * FakeApi in this one. Exit codes, records on stdout and errors on stderr (stderr is not a terminal here,
 * so no progress), and resuming with --state.
 */
class CliProcessTest {

    private static final String TOKEN = "t0ken-s3cret";

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private Result inlet(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile());
        builder.environment().remove("ACME_TOKEN");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the CLI finished within 60 s").isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
    }

    private Path definition(boolean incremental) throws IOException {
        String text = CliArgumentsTest.ACME;
        if (!incremental) {
            text = text.substring(0, text.indexOf("    incremental:"));
        }
        return Files.writeString(dir.resolve(incremental ? "acme.yaml" : "acme-full.yaml"), text);
    }

    private static FakeApi fake() {
        return FakeApi.builder().path("/items").records(RecordSet.generate(25)).paging(Paging.offset())
                .auth(Auth.bearer(TOKEN)).start();
    }

    @Test
    void readWritesRecordsToStdoutOnlyAndExitsZero() throws Exception {
        try (FakeApi api = fake()) {
            Result result = inlet(Map.of("ACME_TOKEN", TOKEN), "read", definition(false).toString(), "items",
                    "--base-url", api.baseUrl());

            assertThat(result.code()).isZero();
            assertThat(result.lines()).hasSize(25).first().asString().startsWith("{\"id\":\"rec-0001\"");
            assertThat(result.err()).isEmpty();
        }
    }

    @Test
    void csvHasAHeaderAndOneRowPerRecord() throws Exception {
        try (FakeApi api = fake()) {
            Result result = inlet(Map.of("ACME_TOKEN", TOKEN), "read", definition(false).toString(), "items",
                    "--base-url", api.baseUrl(), "--format", "csv", "--max-pages", "1");

            assertThat(result.code()).isZero();
            assertThat(result.lines()).hasSize(11);
            assertThat(result.lines().get(0)).isEqualTo("id,name,amount,updated_at");
            assertThat(result.lines().get(1)).startsWith("rec-0001,Record 1,");
        }
    }

    @Test
    void aRejectedTokenIsOneLineOnStderrExitOneAndNeverShowsTheSecret() throws Exception {
        try (FakeApi api = fake()) {
            Result result = inlet(Map.of("ACME_TOKEN", "wrong-" + TOKEN), "read", definition(false).toString(),
                    "items", "--base-url", api.baseUrl());

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.out()).isEmpty();
            assertThat(result.err().lines().toList()).singleElement().asString().startsWith("inlet: ").contains("401");
            assertThat(result.err()).doesNotContain(TOKEN);
        }
    }

    @Test
    void anImportOfWhatIsNotAnOpenApiDocumentExitsFiveWithOneLineOnStderrAndNothingOnStdout() throws Exception {
        Path notASpec = Files.writeString(dir.resolve("notes.json"), "{\"hello\": \"world\"}");

        Result result = inlet(Map.of(), "import", "openapi", notASpec.toString());

        assertThat(result.code()).isEqualTo(5);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).hasSize(1).first().asString().startsWith("inlet: ")
                .contains("notes.json");
    }

    @Test
    void aMissingSecretIsADefinitionErrorAtItsLine() throws Exception {
        Result result = inlet(Map.of(), "read", definition(false).toString(), "items");

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.err()).startsWith("inlet: " + dir.resolve("acme-full.yaml") + ":6:").contains("ACME_TOKEN")
                .doesNotContain("\tat ");
    }

    @Test
    void stateResumesAfterTheLastPageWrittenAndStartsOverWhenComplete() throws Exception {
        Path state = dir.resolve("state");
        Path file = definition(false);
        try (FakeApi api = fake()) {
            Map<String, String> env = Map.of("ACME_TOKEN", TOKEN);
            String[] args = {"read", file.toString(), "items", "--base-url", api.baseUrl(), "--state", state.toString(),
                "--max-pages", "1"};

            Result first = inlet(env, args);
            Result second = inlet(env, args);
            Result rest = inlet(env, "read", file.toString(), "items", "--base-url", api.baseUrl(), "--state",
                    state.toString());

            assertThat(first.code()).isZero();
            assertThat(first.lines()).hasSize(10).first().asString().contains("rec-0001");
            assertThat(second.lines()).hasSize(10).first().asString().contains("rec-0011");
            assertThat(rest.code()).isZero();
            assertThat(rest.lines()).hasSize(5).first().asString().contains("rec-0021");
            assertThat(api.requests().get(1).query()).containsEntry("offset", "10");
            // complete: the next run starts over
            Result again = inlet(env, args);
            assertThat(again.lines()).first().asString().contains("rec-0001");
        }
    }

    @Test
    void incrementalStateAsksOnlyForWhatChangedSinceTheLastRun() throws Exception {
        Path state = dir.resolve("state");
        Path file = definition(true);
        try (FakeApi api = fake()) {
            Map<String, String> env = Map.of("ACME_TOKEN", TOKEN);
            String[] args = {"read", file.toString(), "items", "--base-url", api.baseUrl(), "--state", state.toString()};

            Result first = inlet(env, args);
            api.clearRequests();
            Result second = inlet(env, args);

            assertThat(first.code()).isZero();
            assertThat(first.lines()).hasSize(25);
            assertThat(second.code()).isZero();
            assertThat(api.requests().get(0).query()).containsEntry("updated_since", "2026-01-01T00:00:25Z");
            assertThat(second.lines()).hasSizeLessThan(25);
        }
    }

    @Test
    void checkAndTraceFetchTheFirstPageAndMaskTheSecret() throws Exception {
        try (FakeApi api = fake()) {
            Map<String, String> env = Map.of("ACME_TOKEN", TOKEN);
            Result check = inlet(env, "check", definition(false).toString(), "--base-url", api.baseUrl());
            assertThat(check.code()).isZero();
            assertThat(check.out()).contains("ok   items: 10 records on the first page, more pages");

            Result failing = inlet(Map.of("ACME_TOKEN", "nope"), "check", definition(false).toString(), "--base-url",
                    api.baseUrl());
            assertThat(failing.code()).isEqualTo(4);
            assertThat(failing.out()).contains("FAIL items:");

            Result trace = inlet(env, "trace", definition(false).toString(), "--base-url", api.baseUrl());
            assertThat(trace.code()).isZero();
            assertThat(trace.out()).contains("> acme-items GET " + api.baseUrl() + "/items")
                    .contains("< acme-items 200 GET").contains("= acme-items page done: 10 records, more")
                    .doesNotContain(TOKEN);
        }
    }

    @Test
    void sinceReportAndIntoAsAUserRunsThem() throws Exception {
        Path file = Files.writeString(dir.resolve("items.yaml"), CliReadOptionsTest.ITEMS);
        Path report = dir.resolve("report.html");
        String db = "jdbc:duckdb:" + dir.resolve("items.db");
        try (FakeApi api = fake()) {
            Result since = inlet(Map.of(), "read", file.toString(), "items", "--base-url", api.baseUrl(), "--input",
                    "token=" + TOKEN, "--since", "2026-01-01T00:00:21Z", "--report", report.toString());
            Result into = inlet(Map.of(), "read", file.toString(), "items", "--base-url", api.baseUrl(), "--input",
                    "token=" + TOKEN, "--into", db);
            Result bad = inlet(Map.of(), "read", file.toString(), "items", "--since", "21/01/2026");

            assertThat(since.code()).isZero();
            assertThat(since.lines()).hasSize(5).first().asString().contains("rec-0021");
            assertThat(since.err()).isEqualTo("inlet: report written to " + report + "\n");
            assertThat(Files.readString(report)).contains("acme-items");
            assertThat(into.code()).isZero();
            assertThat(into.out()).isEmpty();
            assertThat(into.err()).isEqualTo("inlet: 25 rows in 4 pages into items at " + db + "\n");
            assertThat(bad.code()).isEqualTo(2);
            assertThat(bad.err().lines().toList()).singleElement().asString().startsWith("inlet: --since `21/01/2026`");
        }
    }
}
