package dev.inlet.declarative.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** <b>Internal.</b> Durations as definitions write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} or ISO-8601 {@code PT5M}. */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private Durations() {
    }

    /** Reads an optional duration, or the default. */
    public static Duration read(Section section, String key, Duration defaultValue) {
        Node node = section.get(key);
        if (node == null) {
            return defaultValue;
        }
        String text = section.word(key, null);
        Matcher m = SHORT.matcher(text.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            Duration d = Duration.parse(text.trim());
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw Errors.at(node, "`" + text + "` is not a duration", "a duration such as 500ms, 30s, 5m, 1h, 1d or PT5M");
    }
}
