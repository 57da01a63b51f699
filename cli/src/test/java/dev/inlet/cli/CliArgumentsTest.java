package dev.inlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line parsed in-process: usage errors, validation, listing, the schema. */
class CliArgumentsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    static final String ACME = """
            inlet: 1
            name: acme
            base_url: https://api.acme.test
            auth:
              type: bearer
              token: ${env:ACME_TOKEN}
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
            """;

    @Test
    void noCommandUnknownCommandAndMissingArgumentsAreUsageErrors() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("a command is required");
        assertThat(run("fetch")).isEqualTo(2);
        assertThat(run("read")).isEqualTo(2);
        assertThat(err()).contains("Missing required parameters: 'FILE', 'STREAM'").contains("Try 'inlet read --help'");
        assertThat(out()).isEmpty();
    }

    @Test
    void badOptionValuesAreUsageErrors() throws IOException {
        Path acme = file("acme.yaml", ACME);
        assertThat(run("read", acme.toString(), "items", "--max-pages", "many")).isEqualTo(2);
        assertThat(err()).contains("--max-pages");
        assertThat(run("read", acme.toString(), "items", "--format", "xml", "--input")).isEqualTo(2);
        assertThat(run("import", "openapi", "spec.json", "--name", "Not A Name")).isEqualTo(2);
        assertThat(err()).contains("must match");
    }

    @Test
    void validateReportsEachFileAndExitsThreeWithFileLineColumn() throws IOException {
        Path good = file("acme.yaml", ACME);
        Path bad = file("bad.yaml", ACME.replace("type: offset", "type: ofset"));

        assertThat(run("validate", good.toString())).isEqualTo(0);
        assertThat(out()).contains("ok " + good + " (acme: 1 streams, 0 metrics)");

        assertThat(run("validate", good.toString(), bad.toString())).isEqualTo(3);
        assertThat(err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("inlet: " + bad + ":13:13: ")
                .contains("streams.items.paginator.type").contains("did you mean `offset`?"));
    }

    @Test
    void missingDefinitionFileIsInvalidWithoutStackTraceUnlessVerbose() {
        assertThat(run("streams", dir.resolve("none.yaml").toString())).isEqualTo(3);
        assertThat(err()).contains("none.yaml").contains("does not exist").doesNotContain("\tat ");
        err.reset();
        assertThat(run("--verbose", "streams", dir.resolve("none.yaml").toString())).isEqualTo(3);
        assertThat(err()).contains("\tat ");
    }

    @Test
    void streamsListsWhatTheDefinitionDeclares() throws IOException {
        assertThat(run("streams", file("acme.yaml", ACME).toString())).isEqualTo(0);
        assertThat(out().lines().toList()).hasSize(2);
        assertThat(out()).contains("items").contains("GET /items").contains("/data").contains("offset")
                .contains("/updated_at");
    }

    @Test
    void everyCommandHasHelpAsTheUsageErrorPromises() {
        assertThat(run("read", "--help")).isZero();
        assertThat(out()).contains("--since=DATE|DATE-TIME").contains("--into=JDBC-URL").contains("--report=FILE");
        assertThat(run("webhooks", "serve", "--help")).isZero();
        assertThat(out()).contains("--port=N").contains("--host=ADDRESS");
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("webhooks").contains("130   webhooks serve stopped by SIGINT");
    }

    @Test
    void schemaPrintsTheFormatsJsonSchema() {
        assertThat(run("schema")).isEqualTo(0);
        assertThat(out()).startsWith("{").contains("\"base_url\"");
    }
}
