package dev.inlet.report.internal;

/**
 * <b>Internal</b>: the report's only style sheet, inline, and the series colours. The colours are the
 * Okabe–Ito palette (told apart with the common colour-vision deficiencies); lines also differ by dash
 * pattern, so nothing depends on colour alone.
 */
public final class Style {

    /** Series colours, in legend order. */
    private static final String[] COLORS = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#7F7F7F",
        "#000000"};

    /** Line dash patterns, in legend order (none for the first series). */
    private static final String[] DASHES = {null, "8 4", "2 3", "10 3 2 3", "4 4", "12 2", "2 6", "6 2 2 2"};

    /** The style sheet: readable from a 320 px phone to a wide screen: charts scale with their
     * viewBox (and scroll inside their frame below 540 px), wide tables scroll inside their wrapper. */
    public static final String CSS = String.join("\n",
            "*{box-sizing:border-box}",
            "html{-webkit-text-size-adjust:100%}",
            "body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"
                    + "color:#1b1b1b;background:#fafafa;line-height:1.45}",
            "main{max-width:1100px;margin:0 auto;padding:1rem}",
            "h1{font-size:1.6rem;margin:.5rem 0}",
            "h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:1px solid #ccc;padding-bottom:.25rem}",
            "h3{font-size:1.05rem;margin:1.25rem 0 .25rem}",
            "p,h1,h2,h3,caption,summary{overflow-wrap:anywhere}",
            "td,th{overflow-wrap:break-word}",
            ".meta{color:#555;margin:0}",
            "figure{margin:0 0 1rem;background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem;"
                    + "overflow-x:auto}",
            // charts scale with their viewBox down to 540 px; below that the figure scrolls, so labels stay legible
            "svg.chart{display:block;width:100%;min-width:540px;height:auto}",
            ".table-wrap{max-width:100%;overflow-x:auto}",
            "table{border-collapse:collapse;margin:.25rem 0 1rem;background:#fff;font-size:.9rem}",
            "caption{text-align:left;font-weight:600;padding:.25rem 0}",
            "th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}",
            "thead th{background:#f0f0f0;white-space:nowrap}",
            "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
            "details{margin:.25rem 0}",
            ".note{color:#555;font-size:.9rem}",
            ".grid{stroke:#e3e3e3;stroke-width:1}",
            ".axis{stroke:#333;stroke-width:1}",
            ".tick{font-size:12px;fill:#333}",
            ".axis-label{font-size:13px;fill:#1b1b1b}",
            ".legend{font-size:13px;fill:#1b1b1b}",
            ".empty{font-size:14px;fill:#555}",
            "@media (max-width:600px){main{padding:.5rem}h1{font-size:1.3rem}table{font-size:.8rem}}");

    private Style() {
    }

    /** The colour of series {@code index}. */
    public static String color(int index) {
        return COLORS[index % COLORS.length];
    }

    /** The dash pattern of series {@code index}, or null for a solid line. */
    public static String dash(int index) {
        return DASHES[index % DASHES.length];
    }
}
