package dev.inlet.cli.internal;

import dev.inlet.core.Connector;
import dev.inlet.declarative.StreamDefinition;
import dev.inlet.jdbc.DriverDataSource;
import dev.inlet.jdbc.JdbcSink;
import dev.inlet.jdbc.SchemaContract;
import dev.inlet.jdbc.SinkReport;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code --into JDBC-URL [--table NAME]}: the stream's records go into a table through inlet-jdbc's
 * {@link JdbcSink} instead of stdout. The table is created from the first page when missing, new fields
 * become columns ({@link SchemaContract#EVOLVE}), rows are upserted by the stream's {@code primary_key}.
 * The sink commits each page's rows with the stream's position (table {@code inlet_state}) in one
 * transaction: an interrupted run resumes after its last committed page, a complete one starts over —
 * what {@code --state} does for stdout, kept in the database next to the rows, so {@code --state} is not
 * used with it.
 */
final class IntoOption {

    @Option(names = "--into", paramLabel = "JDBC-URL",
            description = "Write the records into a database table instead of stdout "
                    + "(jdbc:duckdb:/path/file.db, jdbc:postgresql://host/db?user=…); resumes by itself.")
    String url;

    @Option(names = "--table", paramLabel = "NAME", description = "The table for --into (default: the stream's name).")
    String table;

    boolean given() {
        return url != null;
    }

    /** Refuses a URL that is not a JDBC URL (exit 2), showing it without secrets. */
    static void checkUrl(String url) {
        if (!url.startsWith("jdbc:")) {
            throw new UsageException("--into `" + redact(url) + "` is not a JDBC URL; expected e.g. "
                    + "jdbc:duckdb:/path/file.db or jdbc:postgresql://host:5432/db");
        }
    }

    /** Refuses what does not combine with {@code --into}; {@code --table} alone is a usage error. */
    void check(boolean state, boolean maxPages, boolean since, boolean formatGiven) {
        if (url == null) {
            if (table != null) {
                throw new UsageException("--table applies only with --into");
            }
            return;
        }
        checkUrl(url);
        String other = state ? "--state (the database keeps the state next to the rows)"
                : maxPages ? "--max-pages" : since ? "--since (a run into a database reads the whole stream)"
                : formatGiven ? "--format (records go to the table)" : null;
        if (other != null) {
            throw new UsageException("--into does not combine with " + other);
        }
    }

    /** Writes the connector's records into the table; prints a summary on stderr. */
    SinkReport write(Connector<JsonNode> connector, StreamDefinition stream, Context context) {
        String name = table != null ? table : stream.name();
        String key = stream.primaryKey().filter(p -> p.matches("/[^/]+"))
                .map(p -> p.substring(1).replace("~1", "/").replace("~0", "~"))
                .orElseThrow(() -> new UsageException("--into upserts rows by the stream's primary_key, and stream `"
                        + stream.name() + "` has " + stream.primaryKey().map(p -> "a nested one (" + p + ")")
                        .orElse("none") + "; give it `primary_key: /<top-level field>`"));
        // Drivers repeat the URL in their messages ("No suitable driver found for …"), password and all.
        SinkReport report = DeliveryTable.redacting(url, () -> JdbcSink.builder(DriverDataSource.of(url), name)
                .primaryKey(key).createTable(true).schemaContract(SchemaContract.EVOLVE).build()
                // Per table: the same stream written into two tables resumes each on its own.
                .write(connector.name() + ":" + name, since -> connector));
        context.err.println("inlet: " + report.rows() + " rows in " + report.pages()
                + (report.pages() == 1 ? " page" : " pages") + " into " + name + " at " + redact(url) + report.resumedFrom().map(p -> " (resumed at " + p.describe() + ")").orElse("")
                + (report.columnsAdded().isEmpty() ? "" : "; new columns " + report.columnsAdded()));
        return report;
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
