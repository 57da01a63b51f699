package dev.inlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.testkit.Auth;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --since} and {@code --report} on read and metrics, in-process against a FakeApi. */
class CliReadOptionsTest {

    static final String TOKEN = "t0ken-s3cret";

    /** The token comes from an input here (an in-process run cannot set the environment). */
    static final String ITEMS = """
            inlet: 1
            name: acme
            base_url: https://api.acme.test
            inputs:
              token: {type: secret}
              start_date: {type: string, default: "2025-01-01T00:00:00Z"}
            auth:
              type: bearer
              token: ${input:token}
            streams:
              items:
                path: /items
                records: /data
                primary_key: /id
                paginator:
                  type: offset
                  size: 10
                incremental:
                  cursor_field: /updated_at
                  param: updated_since
                  start: ${input:start_date}
                rules:
                  required: [/id, /updated_at]
              plain:
                path: /items
                records: /data
                paginator:
                  type: offset
                  size: 10
            metrics:
              item_count:
                description: Items updated per day.
                owner: ops
                stream: items
                measure: count
                grain: day
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private FakeApi api;

    @BeforeEach
    void start() {
        api = FakeApi.builder().path("/items").records(RecordSet.generate(25)).paging(Paging.offset())
                .auth(Auth.bearer(TOKEN)).start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    int read(Path file, String stream, String... more) {
        List<String> args = new ArrayList<>(List.of("read", file.toString(), stream, "--base-url", api.baseUrl(),
                "--input", "token=" + TOKEN));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("acme.yaml"), text);
    }

    @Test
    void sinceStartsTheIncrementalWindow() throws IOException {
        assertThat(read(file(ITEMS), "items", "--since", "2026-01-01T00:00:20Z")).isZero();

        assertThat(api.requests().get(0).query()).containsEntry("updated_since", "2026-01-01T00:00:20Z");
        assertThat(out().lines().toList()).hasSize(6).first().asString().contains("rec-0020");
    }

    @Test
    void aDateIsMidnightUtcAndAnOffsetIsHonoured() throws IOException {
        Path file = file(ITEMS);
        assertThat(read(file, "items", "--since", "2026-01-01")).isZero();
        assertThat(api.requests().get(0).query()).containsEntry("updated_since", "2026-01-01T00:00:00Z");
        api.clearRequests();
        assertThat(read(file, "items", "--since", "2026-01-01T01:00:10+01:00")).isZero();
        assertThat(api.requests().get(0).query()).containsEntry("updated_since", "2026-01-01T00:00:10Z");
    }

    @Test
    void sinceInAnEpochCursorFormatIsWrittenInThatFormat() throws IOException {
        Path file = file(ITEMS.replace("      param: updated_since", "      format: epoch_seconds\n      param: created_gte"));
        read(file, "items", "--since", "2026-01-01");
        assertThat(api.requests().get(0).query()).containsEntry("created_gte", "1767225600");
    }

    @Test
    void withStateSinceIsTheFirstRunsStartAndTheSavedCursorWinsAfter() throws IOException {
        Path file = file(ITEMS);
        String state = dir.resolve("state").toString();
        assertThat(read(file, "items", "--since", "2026-01-01T00:00:20Z", "--state", state)).isZero();
        assertThat(out().lines().toList()).hasSize(6);
        api.clearRequests();

        assertThat(read(file, "items", "--since", "2026-01-01T00:00:05Z", "--state", state)).isZero();
        assertThat(api.requests().get(0).query()).containsEntry("updated_since", "2026-01-01T00:00:25Z");
        assertThat(err()).contains("--since applies to the first run");
    }

    @Test
    void aBadSinceIsOneLineExitTwoBeforeAnyRequest() throws IOException {
        assertThat(read(file(ITEMS), "items", "--since", "2026-13-01")).isEqualTo(2);
        assertThat(err().lines().toList()).singleElement().asString()
                .isEqualTo("inlet: --since `2026-13-01` is not an ISO date or date-time; expected e.g. 2026-01-01 "
                        + "or 2026-01-01T08:00:00Z");
        assertThat(read(file(ITEMS), "items", "--since", "yesterday")).isEqualTo(2);
        assertThat(api.requests()).isEmpty();
        assertThat(out()).isEmpty();
    }

    @Test
    void sinceOnAStreamThatCannotTakeItSaysWhy() throws IOException {
        assertThat(read(file(ITEMS), "plain", "--since", "2026-01-01")).isEqualTo(2);
        assertThat(err()).isEqualTo("inlet: --since applies to an incremental stream, and `plain` is not incremental "
                + "(no `incremental:`)\n");

        assertThat(api.requests()).isEmpty();
    }

    @Test
    void sinceNeedsNoStartInTheDefinitionAndALiteralStartIsReplaced() throws IOException {
        Path noStart = file(ITEMS.replace("      start: ${input:start_date}\n", ""));
        assertThat(read(noStart, "items", "--since", "2026-01-01T00:00:20Z")).isZero();
        assertThat(api.requests().get(0).query()).containsEntry("updated_since", "2026-01-01T00:00:20Z");
        api.clearRequests();

        Path literal = file(ITEMS.replace("${input:start_date}", "2024-06-01T00:00:00Z"));
        assertThat(read(literal, "items", "--since", "2026-01-01T00:00:20Z")).isZero();
        assertThat(api.requests().get(0).query()).containsEntry("updated_since", "2026-01-01T00:00:20Z");
    }

    @Test
    void reportWritesTheHtmlFileAndPrintsItsPathOnStderr() throws IOException {
        Path report = dir.resolve("out/report.html");
        assertThat(read(file(ITEMS), "plain", "--report", report.toString())).isZero();

        assertThat(out().lines().toList()).hasSize(25);
        assertThat(err()).isEqualTo("inlet: report written to " + report.toAbsolutePath() + "\n");
        String html = Files.readString(report);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>inlet read acme plain</title>")
                .contains("acme-plain").contains("<svg");
    }

    @Test
    void aFailedRunStillWritesItsReport() throws IOException {
        Path report = dir.resolve("failed.html");
        List<String> args = List.of("read", file(ITEMS).toString(), "plain", "--base-url", api.baseUrl(), "--input",
                "token=wrong", "--report", report.toString());
        assertThat(run(args.toArray(String[]::new))).isEqualTo(1);

        // The report's path first, the failure last: what a person reads at the prompt.
        assertThat(err().lines().toList()).containsExactly("inlet: report written to " + report.toAbsolutePath(),
                err().lines().toList().get(1));
        assertThat(err().lines().toList().get(1)).startsWith("inlet: ").contains("401");
        assertThat(Files.readString(report)).contains("acme-plain");
    }

    @Test
    void metricsReportHasTheMetricsChart() throws IOException {
        Path report = dir.resolve("metrics.html");
        assertThat(run("metrics", file(ITEMS).toString(), "item_count", "--base-url", api.baseUrl(), "--input",
                "token=" + TOKEN, "--report", report.toString())).isZero();

        assertThat(out()).contains("2026-01-01");
        assertThat(err()).startsWith("inlet: report written to ");
        assertThat(Files.readString(report)).contains("item_count: Items updated per day.").contains("<svg");
    }
}
