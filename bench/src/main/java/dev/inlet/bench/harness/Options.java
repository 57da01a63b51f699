package dev.inlet.bench.harness;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line options with defaults. */
public final class Options {

    private final Map<String, String> values = new HashMap<>();

    /** Parses {@code --name value} pairs. */
    public Options(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    /** An integer option. */
    public int integer(String name, int defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : Integer.parseInt(value);
    }

    /** A comma-separated list option. */
    public List<String> list(String name, List<String> defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : List.of(value.split(","));
    }

    /** A text option. */
    public String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }
}
