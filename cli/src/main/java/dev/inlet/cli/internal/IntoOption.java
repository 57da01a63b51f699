package dev.inlet.cli.internal;

import dev.inlet.core.Connector;
import dev.inlet.core.state.ConnectorState;
import dev.inlet.core.state.CursorFormat;
import dev.inlet.declarative.BoundDefinition;
import dev.inlet.declarative.StreamDefinition;
import dev.inlet.jdbc.DriverDataSource;
import dev.inlet.jdbc.JdbcSink;
import dev.inlet.jdbc.SchemaContract;
import dev.inlet.jdbc.SinkReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code --into JDBC-URL [--table NAME]}: the stream's records go into a table through inlet-jdbc's
 * {@link JdbcSink} instead of stdout. The table is created from the first page when missing, new fields
 * become columns ({@link SchemaContract#EVOLVE}), rows are upserted by the stream's {@code primary_key}.
 * The sink commits each page's rows with the stream's position (table {@code inlet_state}) in one
 * transaction: an interrupted run resumes after its last committed page, a complete one starts over — or, for
 * an incremental stream, asks only for what changed since the cursor committed with the rows (minus the
 * lookback). What {@code --state} does for stdout, kept in the database next to the rows, so {@code --state} is
 * not used with it.
 */
final class IntoOption {

    @Option(names = "--into", paramLabel = "JDBC-URL",
            description = "Write the records into a database table instead of stdout "
                    + "(jdbc:duckdb:/path/file.db, jdbc:postgresql://host/db?user=…); resumes by itself, and an "
                    + "incremental stream reads only what changed since the cursor kept with the rows.")
    String url;

    @Option(names = "--table", paramLabel = "NAME", description = "The table for --into (default: the stream's name).")
    String table;

    boolean given() {
        return url != null;
    }

    /** Refuses a URL that is not a JDBC URL (exit 2), showing it without secrets. */
    static void checkUrl(String url) {
        checkUrl("--into", url);
    }

    /** Refuses a URL given to {@code option} that is not a JDBC URL (exit 2), showing it without secrets. */
    static void checkUrl(String option, String url) {
        if (!url.startsWith("jdbc:")) {
            throw new UsageException(option + " `" + redact(url) + "` is not a JDBC URL; expected e.g. "
                    + "jdbc:duckdb:/path/file.db or jdbc:postgresql://host:5432/db");
        }
    }

    /** Refuses what does not combine with {@code --into}; {@code --table} alone is a usage error. */
    void check(boolean state, boolean maxPages, boolean formatGiven) {
        if (url == null) {
            if (table != null) {
                throw new UsageException("--table applies only with --into");
            }
            return;
        }
        checkUrl(url);
        String other = state ? "--state (the database keeps the state next to the rows)"
                : maxPages ? "--max-pages" : formatGiven ? "--format (records go to the table)" : null;
        if (other != null) {
            throw new UsageException("--into does not combine with " + other);
        }
    }

    /**
     * Writes the stream's records into the table; prints a summary on stderr. An incremental stream keeps its
     * cursor (the greatest cursor value written) in the state row the pages commit with, and each later run asks
     * for the records at or after that cursor minus the stream's lookback, as core's {@code IncrementalSync}
     * would; {@code since} starts the first run's window (else the definition's {@code start}, else everything).
     */
    SinkReport write(BoundDefinition bound, StreamDefinition stream, Optional<Instant> since, Context context) {
        String name = table != null ? table : stream.name();
        String key = key(stream);
        Connector<JsonNode> connector = bound.connector(stream.name());
        // Per table: the same stream written into two tables resumes each on its own.
        String state = connector.name() + ":" + name;
        boolean incremental = stream.cursorField().isPresent();
        // Drivers repeat the URL in their messages ("No suitable driver found for …"), password and all.
        JdbcSink sink = DeliveryTable.redacting(url, () -> {
            JdbcSink.Builder b = JdbcSink.builder(DriverDataSource.of(url), name).primaryKey(key).createTable(true)
                    .schemaContract(SchemaContract.EVOLVE);
            if (incremental) {
                b.cursorField(stream.cursorField().get()).cursorFormat(stream.cursorFormat().orElseThrow())
                        .lookback(stream.lookback().orElseThrow());
                // --since, in the cursor's format, is the sink's start: kept with the first run's state, so an
                // interrupted first run resumes in its window whatever the rerun's options.
                since.ifPresent(at -> b.startAt(sinceText(at, stream.cursorFormat().orElseThrow())));
            }
            return b.build();
        });
        Optional<ConnectorState> saved = DeliveryTable.redacting(url, () -> sink.stateStore().load(state));
        if (since.isPresent() && saved.filter(s -> s.cursor().isPresent() || s.position().isPresent()).isPresent()) {
            context.err.println("inlet: --since applies to the first run; " + name + " continues from the state "
                    + "saved in its database (delete its row in inlet_state to start over)");
        }
        // The sink hands over the run's since: --since or empty on a first run (empty asks from the definition's
        // start), else its saved cursor minus the lookback; an interrupted run gets its own since back, so its
        // saved page position belongs to the same window.
        List<String> window = new ArrayList<>(1);
        SinkReport report = DeliveryTable.redacting(url, () -> sink.write(state, cursor -> {
            cursor.ifPresent(window::add);
            return incremental ? bound.connectorSince(stream.name(), cursor) : connector;
        }));
        context.err.println("inlet: " + report.rows() + " rows in " + report.pages()
                + (report.pages() == 1 ? " page" : " pages") + " into " + name + " at " + redact(url)
                + report.resumedFrom().map(p -> " (resumed at " + p.describe() + ")").orElse("")
                + (incremental && !window.isEmpty() ? " (changed since " + window.get(0) + ")" : "")
                + (report.columnsAdded().isEmpty() ? "" : "; new columns " + report.columnsAdded()));
        return report;
    }

    /** An instant as the stream's API takes its since: its cursor format's text (UTC for ISO). */
    static String sinceText(Instant at, CursorFormat format) {
        return switch (format) {
            case EPOCH_SECONDS -> Long.toString(at.getEpochSecond());
            case EPOCH_MILLIS -> Long.toString(at.toEpochMilli());
            default -> at.toString();
        };
    }

    /** The column rows are upserted by: the stream's top-level {@code primary_key}; else a usage error. */
    static String key(StreamDefinition stream) {
        return stream.primaryKey().filter(p -> p.matches("/[^/]+"))
                .map(p -> p.substring(1).replace("~1", "/").replace("~0", "~"))
                .orElseThrow(() -> new UsageException("--into upserts rows by the stream's primary_key, and stream `"
                        + stream.name() + "` has " + stream.primaryKey().map(p -> "a nested one (" + p + ")")
                        .orElse("none") + "; give it `primary_key: /<top-level field>`"));
    }

    /** The URL without what may be a secret: a query string and user information. */
    static String redact(String url) {
        String shown = url.replaceAll("//[^/@?;]*@", "//…@");
        for (int i = 0; i < shown.length(); i++) {
            if (shown.charAt(i) == '?' || shown.charAt(i) == ';') {
                return shown.substring(0, i + 1) + "…";
            }
        }
        return shown;
    }
}
