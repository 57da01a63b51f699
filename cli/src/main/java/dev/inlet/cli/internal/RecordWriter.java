package dev.inlet.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Writes records to stdout as NDJSON (one JSON object a line, streamed), CSV (columns: the top-level
 * fields of the first {@value #CSV_SAMPLE} records; nested values as JSON text) or an aligned table
 * (everything buffered: for a look at a few pages).
 */
abstract class RecordWriter implements AutoCloseable {

    static final int CSV_SAMPLE = 100;

    abstract void write(JsonNode record);

    @Override
    public abstract void close();

    static RecordWriter of(String format, PrintStream out, PrintStream err) {
        return switch (format) {
            case "ndjson" -> new RecordWriter() {
                @Override
                void write(JsonNode record) {
                    out.println(record.toString());
                }

                @Override
                public void close() {
                    out.flush();
                }
            };
            case "csv" -> new Columns(out, err, false);
            case "table" -> new Columns(out, err, true);
            default -> throw new UsageException("unknown --format `" + format + "`; expected ndjson, csv or table");
        };
    }

    /** CSV and table: columns from the first records seen. */
    private static final class Columns extends RecordWriter {

        private final PrintStream out;
        private final PrintStream err;
        private final boolean table;
        private final List<JsonNode> buffer = new ArrayList<>();
        private List<String> columns;
        private final List<List<String>> rows = new ArrayList<>();
        private final Set<String> dropped = new LinkedHashSet<>();

        Columns(PrintStream out, PrintStream err, boolean table) {
            this.out = out;
            this.err = err;
            this.table = table;
        }

        @Override
        void write(JsonNode record) {
            if (columns == null && !table && buffer.size() < CSV_SAMPLE) {
                buffer.add(record);
                return;
            }
            if (table) {
                buffer.add(record);
                return;
            }
            emit(record);
        }

        private void start() {
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode record : buffer) {
                if (record.isObject()) {
                    names.addAll(record.propertyNames());
                }
            }
            columns = List.copyOf(names);
            if (table) {
                rows.add(columns);
            } else {
                out.println(String.join(",", columns.stream().map(Columns::csv).toList()));
            }
            List<JsonNode> pending = List.copyOf(buffer);
            buffer.clear();
            pending.forEach(this::emit);
        }

        private void emit(JsonNode record) {
            if (columns == null) {
                start();
            }
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                JsonNode value = record.get(column);
                cells.add(value == null || value.isNull() ? "" : value.isValueNode() ? value.asString() : value.toString());
            }
            if (record.isObject()) {
                for (String name : record.propertyNames()) {
                    if (!columns.contains(name) && dropped.add(name)) {
                        err.println("inlet: field `" + name + "` first appears after the first " + CSV_SAMPLE
                                + " records and is not a column (use --format ndjson to keep every field)");
                    }
                }
            }
            if (table) {
                rows.add(cells);
            } else {
                out.println(String.join(",", cells.stream().map(Columns::csv).toList()));
            }
        }

        @Override
        public void close() {
            if (columns == null) {
                start();
            }
            if (table) {
                Table.print(rows, out);
            }
            out.flush();
        }

        private static String csv(String value) {
            if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                return "\"" + value.replace("\"", "\"\"") + "\"";
            }
            return value;
        }
    }
}
