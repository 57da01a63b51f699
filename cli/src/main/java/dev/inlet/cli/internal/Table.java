package dev.inlet.cli.internal;

import java.io.PrintStream;
import java.util.List;

/** Prints rows as aligned columns, the first row a header. */
final class Table {

    private static final int MAX_WIDTH = 60;

    private Table() {
    }

    static void print(List<List<String>> rows, PrintStream out) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], Math.min(MAX_WIDTH, cell(row.get(i)).length()));
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = cell(row.get(i));
                if (cell.length() > MAX_WIDTH) {
                    cell = cell.substring(0, MAX_WIDTH - 1) + "…";
                }
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            out.println(line);
        }
    }

    private static String cell(String value) {
        return value == null ? "" : value.replaceAll("\\s+", " ");
    }
}
