package dev.inlet.declarative.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>Internal.</b> A value of a definition file with the place it was written and the JSON path that
 * leads to it ({@code streams.charges.paginator.type}): the parser's tree, from which every load error
 * can name file, line and column. Immutable once parsed.
 */
public abstract sealed class Node permits Node.Mapping, Node.Sequence, Node.Scalar {

    private final Location location;
    private final String path;

    Node(Location location, String path) {
        this.location = location;
        this.path = path;
    }

    /** Where the value starts. */
    public Location location() {
        return location;
    }

    /** The JSON path of the value, e.g. {@code streams.charges.path}; empty for the document. */
    public String path() {
        return path;
    }

    /** What kind of value this is, for error messages ("a mapping", "a list", "a string"). */
    public abstract String describe();

    /** A mapping with its keys in file order. */
    public static final class Mapping extends Node {

        private final Map<String, Node> entries;
        private final Map<String, Location> keyLocations;

        Mapping(Location location, String path, LinkedHashMap<String, Node> entries,
                LinkedHashMap<String, Location> keyLocations) {
            super(location, path);
            this.entries = Collections.unmodifiableMap(entries);
            this.keyLocations = Collections.unmodifiableMap(keyLocations);
        }

        /** The entries, in file order. */
        public Map<String, Node> entries() {
            return entries;
        }

        /** Where a key was written. */
        public Location keyLocation(String key) {
            return keyLocations.getOrDefault(key, location());
        }

        /** The value of a key, or null. */
        public Node get(String key) {
            return entries.get(key);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A list. */
    public static final class Sequence extends Node {

        private final List<Node> items;

        Sequence(Location location, String path, List<Node> items) {
            super(location, path);
            this.items = List.copyOf(new ArrayList<>(items));
        }

        /** The items, in file order. */
        public List<Node> items() {
            return items;
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar: a string, a number, a boolean or null, as the file wrote it. */
    public static final class Scalar extends Node {

        /** The scalar kinds YAML and JSON distinguish. */
        public enum Kind {
            /** Text (quoted or plain). */
            STRING,
            /** An integer. */
            INTEGER,
            /** A number with a fraction or exponent. */
            DECIMAL,
            /** {@code true} or {@code false}. */
            BOOLEAN,
            /** {@code null}, {@code ~} or nothing. */
            NULL
        }

        private final Kind kind;
        private final String text;

        Scalar(Location location, String path, Kind kind, String text) {
            super(location, path);
            this.kind = kind;
            this.text = text;
        }

        /** The kind. */
        public Kind kind() {
            return kind;
        }

        /** The text as written (a number's digits, {@code true}), null for null. */
        public String text() {
            return text;
        }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "a string";
                case INTEGER, DECIMAL -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
            };
        }
    }
}
