package dev.inlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Json;
import dev.inlet.testkit.Delivery;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import dev.inlet.testkit.WebhookSender;
import dev.inlet.webhooks.verify.SignatureScheme;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code inlet webhooks serve} as a separate JVM on an ephemeral loopback port: a correctly signed delivery
 * comes out as one NDJSON line on stdout, a forged one as a refusal on stderr; closing stdin stops it with
 * exit 0, SIGTERM after draining with 143.
 */
class CliWebhooksProcessTest {

    private static final String SECRET = "s3cret-hook";
    private static final Pattern LISTENING = Pattern.compile("inlet: listening on (http://127\\.0\\.0\\.1:\\d+/hooks/acme) "
            + "\\(github(; into [^)]+)?\\); stop with Ctrl-C or by closing stdin");

    static final String HOOKS = """
            inlet: 1
            name: acme
            base_url: https://api.acme.test
            streams:
              items:
                path: /items
                records: /data
            webhooks:
              path: /hooks/acme
              scheme: github
              secret: ${env:ACME_WEBHOOK_SECRET}
              events:
                push: {refresh: items}
                "*": ignore
            """;

    @TempDir
    Path dir;

    private Process process;
    private Thread reader;
    private final BlockingQueue<String> stderr = new LinkedBlockingQueue<>();

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /** Starts the server; returns the endpoint URL it printed. */
    private URI serve(String... more) throws IOException, InterruptedException {
        return serveDefinition(HOOKS, more);
    }

    /** Starts the server on this definition; returns the endpoint URL it printed. */
    private URI serveDefinition(String definition, String... more) throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("acme.yaml"), definition);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "webhooks", "serve", file.toString(),
                "--port", "0"));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout").toFile());
        builder.environment().put("ACME_WEBHOOK_SECRET", SECRET);
        process = builder.start();
        reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                lines.lines().forEach(stderr::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                stderr.add("(stderr closed: " + e.getMessage() + ")");
            }
        }, "stderr-reader");
        reader.setDaemon(true);
        reader.start();
        String first = stderr.poll(60, TimeUnit.SECONDS);
        assertThat(first).as("the server's first line on stderr within 60 s").isNotNull().matches(LISTENING);
        Matcher m = LISTENING.matcher(first);
        assertThat(m.matches()).isTrue();
        return URI.create(m.group(1));
    }

    /** The stderr lines after the first, once the process has exited and its stderr is read to the end. */
    private List<String> rest() throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(reader.isAlive()).as("stderr read to its end").isFalse();
        List<String> lines = new ArrayList<>();
        stderr.drainTo(lines);
        return lines;
    }

    private String stdout() throws IOException {
        return Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8);
    }

    @Test
    void aSignedDeliveryIsOneNdjsonLineAForgedOneARefusalAndClosingStdinStopsWithExitZero() throws Exception {
        URI endpoint = serve();
        WebhookSender sender = WebhookSender.builder(SignatureScheme.github(), endpoint).secret(SECRET).noRetries()
                .build();

        assertThat(sender.send(Delivery.json("{\"ref\":\"main\",\"n\":1}").withId("d-1").withType("push")).status())
                .isEqualTo(200);
        int forged = sender.sendTampered(Delivery.json("{\"ref\":\"evil\"}").withId("d-2").withType("push")).status();
        assertThat(forged).isBetween(400, 499);

        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of stdin closing").isTrue();

        assertThat(process.exitValue()).isZero();
        List<String> lines = stdout().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode line = Json.mapper().readTree(lines.get(0));
        assertThat(line.get("endpoint").asString()).isEqualTo("/hooks/acme");
        assertThat(line.get("id").asString()).isEqualTo("d-1");
        assertThat(line.get("type").asString()).isEqualTo("push");
        assertThat(line.get("refresh").asString()).isEqualTo("items");
        assertThat(line.get("payload").toString()).isEqualTo("{\"ref\":\"main\",\"n\":1}");
        assertThat(line.get("received_at").asString()).endsWith("Z");
        assertThat(stdout()).doesNotContain("evil");
        List<String> err = rest();
        assertThat(err).anySatisfy(l -> assertThat(l).startsWith("inlet: refused POST /hooks/acme: ")
                .endsWith("(" + forged + ")"));
        assertThat(err).last().isEqualTo("inlet: stopped");
        assertThat(String.join("\n", err)).doesNotContain(SECRET).doesNotContain("\tat ");
    }

    @Test
    void sigtermStopsTheServerCleanly() throws Exception {
        URI endpoint = serve();
        WebhookSender sender = WebhookSender.builder(SignatureScheme.github(), endpoint).secret(SECRET).noRetries()
                .build();
        assertThat(sender.send(Delivery.json("{\"n\":2}").withId("d-3").withType("issues")).status()).isEqualTo(200);

        // The handle sends SIGTERM without closing our end of its pipes (Process.destroy would close stdin too).
        assertThat(process.toHandle().destroy()).isTrue();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as("%s", stderr).isEqualTo(143);
        List<String> err = rest();
        // accepted before the signal: handled while draining; an unmapped type refreshes nothing
        assertThat(stdout().lines().toList()).as("stderr: %s", err).singleElement().asString().contains("\"id\":\"d-3\"")
                .contains("\"refresh\":null");
        assertThat(err).last().isEqualTo("inlet: stopped");
    }

    @Test
    void intoWritesVerifiedDeliveriesAsRowsUpsertedById() throws Exception {
        String db = "jdbc:duckdb:" + dir.resolve("hooks.db");
        URI endpoint = serve("--into", db, "--table", "hooks");
        WebhookSender sender = WebhookSender.builder(SignatureScheme.github(), endpoint).secret(SECRET).noRetries()
                .build();
        assertThat(sender.send(Delivery.json("{\"n\":1}").withId("d-1").withType("push")).status()).isEqualTo(200);
        assertThat(sender.send(Delivery.json("{\"n\":2}").withId("d-2").withType("issues")).status()).isEqualTo(200);
        assertThat(sender.sendTampered(Delivery.json("{\"n\":3}").withId("d-3").withType("push")).status())
                .isBetween(400, 499);

        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as("%s", stderr).isZero();
        assertThat(stdout()).isEmpty();
        List<String> rows = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db);
                java.sql.ResultSet rs = c.createStatement().executeQuery(
                        "select id, type, refresh, payload from hooks order by id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        assertThat(rows).containsExactly("d-1 push items {\"n\":1}", "d-2 issues null {\"n\":2}");
        assertThat(rest()).anySatisfy(l -> assertThat(l).startsWith("inlet: refused POST /hooks/acme: "));
    }

    /** The next stderr line that starts with {@code prefix}, waiting at most 60 s for it. */
    private String awaitLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = stderr.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line != null) {
                seen.add(line);
            }
        }
        throw new AssertionError("no stderr line starting with '" + prefix + "' within 60 s; saw " + seen);
    }

    @Test
    void refreshReadsTheStreamADeliveryMapsToIntoTheSameDatabaseIncrementally() throws Exception {
        RecordSet records = RecordSet.generate(5); // rec-0001..rec-0005, updated 00:00:01..00:00:05
        try (FakeApi api = FakeApi.builder().path("/items").records(records).paging(Paging.offset()).start()) {
            String db = "jdbc:duckdb:" + dir.resolve("hooks.db");
            URI endpoint = serveDefinition(REFRESHED, "--into", db, "--refresh", "--base-url", api.baseUrl());
            WebhookSender sender = WebhookSender.builder(SignatureScheme.github(), endpoint).secret(SECRET)
                    .noRetries().build();

            assertThat(sender.send(Delivery.json("{\"n\":1}").withId("d-1").withType("push")).status())
                    .isEqualTo(200);
            assertThat(awaitLine("inlet: 5 rows in ")).contains(" into items at jdbc:duckdb:");
            assertThat(api.requests().get(0).query()).doesNotContainKey("updated_since");

            records.add(java.util.Map.of("id", "new-0001", "name", "New")); // updated 00:00:06
            api.clearRequests();
            assertThat(sender.send(Delivery.json("{\"n\":2}").withId("d-2").withType("push")).status())
                    .isEqualTo(200);
            // the cursor committed with the rows (00:00:05, no lookback): that record and the new one
            assertThat(awaitLine("inlet: 2 rows in ")).endsWith("(changed since 2026-01-01T00:00:05Z)");
            assertThat(api.requests().get(0).query()).containsEntry("updated_since", "2026-01-01T00:00:05Z");
            api.clearRequests();
            assertThat(sender.send(Delivery.json("{\"n\":3}").withId("d-3").withType("issues")).status())
                    .isEqualTo(200);

            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("%s", stderr).isZero();
            assertThat(api.requests()).as("an unmapped type refreshes nothing").isEmpty();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(db);
                    java.sql.ResultSet rs = c.createStatement().executeQuery(
                            "select (select count(*) from items), (select count(distinct id) from items), "
                                    + "(select count(*) from webhook_deliveries)")) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).containsExactly(6L, 6L, 3L);
            }
        }
    }

    /** {@link #HOOKS} with an incremental, keyed, paged items stream: what a refresh into a table needs. */
    private static final String REFRESHED = HOOKS.replace("""
                records: /data
            """, """
                records: /data
                primary_key: /id
                paginator: {type: offset, size: 10}
                incremental: {cursor_field: /updated_at, param: updated_since}
            """);

    @Test
    void aDefinitionWithoutWebhooksIsExitThreeAndAPortOutOfRangeExitTwo() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path plain = Files.writeString(dir.resolve("plain.yaml"), HOOKS.substring(0, HOOKS.indexOf("webhooks:")));

        assertThat(Main.run(new String[] {"webhooks", "serve", plain.toString()}, out, errStream)).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("inlet: " + plain + ":1:1: webhooks: the definition "
                + "has no `webhooks:` section; expected webhooks: {path, scheme, secret, events} (docs/definitions.md)\n");
        err.reset();
        assertThat(Main.run(new String[] {"webhooks", "serve", plain.toString(), "--port", "70000"}, out, errStream))
                .isEqualTo(2);
        assertThat(Main.run(new String[] {"webhooks"}, out, errStream)).isEqualTo(2);
        assertThat(Main.run(new String[] {"webhooks", "serve", plain.toString(), "--into", "duckdb:x.db"}, out,
                errStream)).isEqualTo(2);
        Path hooks = Files.writeString(dir.resolve("hooks.yaml"), HOOKS);
        assertThat(Main.run(new String[] {"webhooks", "serve", hooks.toString(), "--refresh"}, out, errStream))
                .isEqualTo(2);
        assertThat(Main.run(new String[] {"webhooks", "serve", hooks.toString(), "--refresh", "--into",
                "jdbc:duckdb:" + dir.resolve("x.db")}, out, errStream)).as("items has no primary key").isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--refresh needs --into")
                .contains("stream `items` has none; give it `primary_key: /<top-level field>`");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port must be between 0 and 65535, was 70000")
                .contains("a webhooks command is required: serve").contains("--into `duckdb:x.db` is not a JDBC URL");
    }
}
