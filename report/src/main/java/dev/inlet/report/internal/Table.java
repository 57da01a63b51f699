package dev.inlet.report.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * <b>Internal</b>: an accessible HTML table: a caption, column headers ({@code <th scope="col">}), the
 * first cell of each row as its row header ({@code <th scope="row">}), numbers right-aligned, wrapped
 * so that a wide table scrolls by itself instead of widening the page. At most a given number of rows
 * is written; the rest are counted in a note under it.
 */
public final class Table {

    private final String caption;
    private final List<String> headers;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * A table.
     *
     * @param caption what it shows
     * @param headers the column headers; a header ending in {@code "#"} marks a numeric column (the
     *     {@code #} is not shown)
     */
    public Table(String caption, String... headers) {
        this.caption = caption;
        this.headers = new ArrayList<>();
        this.numeric = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            numeric[i] = headers[i].endsWith("#");
            this.headers.add(numeric[i] ? headers[i].substring(0, headers[i].length() - 1) : headers[i]);
        }
    }

    /** Adds a row (as many cells as headers). */
    public Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + headers.size()
                    + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    /** How many rows it has. */
    public int size() {
        return rows.size();
    }

    /** Writes it, at most {@code maxRows} rows, with a class for tests and styling. */
    public void write(Html html, String cssClass, int maxRows) {
        html.open("div", "class", "table-wrap").open("table", "class", cssClass);
        html.element("caption", caption);
        html.open("thead").open("tr");
        headers.forEach(h -> html.element("th", h, "scope", "col"));
        html.close("tr").close("thead").newline().open("tbody");
        for (List<String> row : rows.subList(0, Math.min(maxRows, rows.size()))) {
            html.open("tr");
            for (int i = 0; i < row.size(); i++) {
                if (i == 0) {
                    html.element("th", row.get(i), "scope", "row");
                } else {
                    html.element("td", row.get(i), "class", numeric[i] ? "num" : null);
                }
            }
            html.close("tr").newline();
        }
        html.close("tbody").close("table").close("div").newline();
        if (rows.size() > maxRows) {
            html.element("p", (rows.size() - maxRows) + " more rows not shown (the report shows at most " + maxRows
                    + " per table).", "class", "note");
        }
    }
}
