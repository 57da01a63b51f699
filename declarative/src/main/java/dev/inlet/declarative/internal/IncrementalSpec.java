package dev.inlet.declarative.internal;

import dev.inlet.core.state.CursorFormat;
import java.time.Duration;
import java.util.List;

/**
 * <b>Internal.</b> A stream's incremental sync ({@code incremental:}), mapped onto core's
 * {@code IncrementalSync}: the cursor field of the records, how it is written, the query parameter that
 * asks for records at or after the since, the lookback and the first run's start. Immutable.
 *
 * @param cursorField the JSON Pointer of the cursor field
 * @param format how the cursor is written
 * @param param the query parameter that carries the since
 * @param lookback how far before the greatest cursor the next run starts
 * @param start the first run's since (placeholders allowed), or null
 * @param node where it was written
 */
public record IncrementalSpec(String cursorField, CursorFormat format, String param, Duration lookback,
        Template start, Node node) {

    /** The cursor formats as written. */
    public static final List<String> FORMATS = List.of("iso", "epoch_seconds", "epoch_millis");

    static IncrementalSpec read(Node node) {
        Section s = Section.of(node, "incremental", "cursor_field", "format", "param", "lookback", "start");
        s.require("cursor_field");
        String cursor = StreamSpec.pointer(s, "cursor_field");
        CursorFormat format = switch (s.choice("format", "iso", FORMATS)) {
            case "epoch_seconds" -> CursorFormat.EPOCH_SECONDS;
            case "epoch_millis" -> CursorFormat.EPOCH_MILLIS;
            default -> CursorFormat.ISO_INSTANT;
        };
        return new IncrementalSpec(cursor, format, s.word("param"), Durations.read(s, "lookback", Duration.ZERO),
                s.optionalText("start"), node);
    }

    /** An instant as the since this stream's API takes: its cursor format's text (UTC for ISO). */
    public String sinceText(java.time.Instant since) {
        return switch (format) {
            case EPOCH_SECONDS -> Long.toString(since.getEpochSecond());
            case EPOCH_MILLIS -> Long.toString(since.toEpochMilli());
            default -> since.toString();
        };
    }
}
