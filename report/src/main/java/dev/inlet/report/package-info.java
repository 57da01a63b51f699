/**
 * A self-contained HTML report of Inlet runs: {@link dev.inlet.report.HtmlReport} renders run reports,
 * metric {@link dev.inlet.report.Chart}s (inline SVG) and the timeline a
 * {@link dev.inlet.report.RunTimeline} listener recorded into one file with no script and nothing
 * loaded from elsewhere. See {@code docs/observability.md}.
 */
package dev.inlet.report;
