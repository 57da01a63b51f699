package dev.inlet.declarative.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>Internal.</b> Reads one mapping of a definition by its known keys: an unknown key is an error with
 * the nearest known key as suggestion, a missing required key or a value of the wrong kind is an error
 * at its line and column. Every read goes through here, so every key of the format is checked the same way.
 */
public final class Section {

    private final Node.Mapping mapping;
    private final Set<String> known;

    private Section(Node.Mapping mapping, Set<String> known) {
        this.mapping = mapping;
        this.known = known;
    }

    /** The node as a section with exactly these keys allowed; anything else is an error. */
    public static Section of(Node node, String what, String... keys) {
        if (!(node instanceof Node.Mapping mapping)) {
            throw Errors.at(node, what + " is " + node.describe(), "a mapping");
        }
        Set<String> known = new LinkedHashSet<>(List.of(keys));
        for (Map.Entry<String, Node> entry : mapping.entries().entrySet()) {
            if (!known.contains(entry.getKey())) {
                Node value = entry.getValue();
                throw Errors.at(mapping.keyLocation(entry.getKey()), value.path(),
                        "unknown key `" + entry.getKey() + "` in " + what, "one of " + String.join(", ", known),
                        Suggestions.nearest(entry.getKey(), known));
            }
        }
        return new Section(mapping, known);
    }

    /** The node as a mapping whose keys are names (streams, inputs, shared blocks). */
    public static Node.Mapping names(Node node, String what) {
        if (!(node instanceof Node.Mapping mapping)) {
            throw Errors.at(node, what + " is " + node.describe(), "a mapping of names to entries");
        }
        for (Map.Entry<String, Node> entry : mapping.entries().entrySet()) {
            if (!entry.getKey().matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                throw Errors.at(mapping.keyLocation(entry.getKey()), entry.getValue().path(),
                        "`" + entry.getKey() + "` is not a valid name in " + what,
                        "letters, digits, `_`, `-` and `.`, starting with a letter or `_`", null);
            }
        }
        return mapping;
    }

    /** The underlying mapping. */
    public Node.Mapping node() {
        return mapping;
    }

    /** Whether the key is present. */
    public boolean has(String key) {
        return mapping.get(key) != null;
    }

    /** The raw value, or null. */
    public Node get(String key) {
        requireKnown(key);
        return mapping.get(key);
    }

    /** The raw value; an error at the section when absent. */
    public Node require(String key) {
        Node value = get(key);
        if (value == null) {
            String path = mapping.path().isEmpty() ? key : mapping.path() + "." + key;
            throw Errors.at(mapping.location(), path, "missing required key `" + key + "`", "`" + key + ": …`", null);
        }
        return value;
    }

    /** A required string (placeholders allowed). */
    public Template text(String key) {
        return text(require(key));
    }

    /** An optional string (placeholders allowed), or null. */
    public Template optionalText(String key) {
        Node value = get(key);
        return value == null ? null : text(value);
    }

    /** An optional plain string (no placeholders), or the default. */
    public String word(String key, String defaultValue) {
        Node value = get(key);
        if (value == null) {
            return defaultValue;
        }
        Template template = text(value);
        if (!template.isLiteral()) {
            throw Errors.at(value, "placeholders are not allowed here", "plain text");
        }
        return template.literalText();
    }

    /** A required plain string (no placeholders). */
    public String word(String key) {
        require(key);
        return word(key, null);
    }

    /** An optional non-negative integer, or the default. */
    public long integer(String key, long defaultValue) {
        Node value = get(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Node.Scalar scalar) || scalar.kind() != Node.Scalar.Kind.INTEGER) {
            throw Errors.at(value, "`" + key + "` is " + value.describe(), "an integer");
        }
        try {
            long n = Long.parseLong(scalar.text());
            if (n < 0) {
                throw Errors.at(value, "`" + key + "` is negative", "an integer of 0 or more");
            }
            return n;
        } catch (NumberFormatException e) {
            throw Errors.at(value, "`" + key + "` is too large", "an integer below 2^63");
        }
    }

    /** An optional boolean, or the default. */
    public boolean bool(String key, boolean defaultValue) {
        Node value = get(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Node.Scalar scalar) || scalar.kind() != Node.Scalar.Kind.BOOLEAN) {
            throw Errors.at(value, "`" + key + "` is " + value.describe(), "true or false");
        }
        return Boolean.parseBoolean(scalar.text());
    }

    /** An optional one-of value, or the default; anything else is an error with a suggestion. */
    public String choice(String key, String defaultValue, List<String> allowed) {
        Node value = get(key);
        if (value == null) {
            return defaultValue;
        }
        String word = word(key, defaultValue);
        if (!allowed.contains(word)) {
            throw Errors.at(value, "unknown " + key + " `" + word + "`", "one of " + String.join(", ", allowed),
                    Suggestions.nearest(word, allowed));
        }
        return word;
    }

    /** An optional list of plain strings (a single string counts as a list of one). */
    public List<String> words(String key) {
        Node value = get(key);
        List<String> words = new ArrayList<>();
        if (value == null) {
            return words;
        }
        List<Node> items = value instanceof Node.Sequence sequence ? sequence.items() : List.of(value);
        for (Node item : items) {
            Template template = text(item);
            if (!template.isLiteral()) {
                throw Errors.at(item, "placeholders are not allowed here", "plain text");
            }
            words.add(template.literalText());
        }
        return words;
    }

    /** A scalar's text as a template; numbers and booleans count as their text. */
    public static Template text(Node value) {
        if (!(value instanceof Node.Scalar scalar) || scalar.kind() == Node.Scalar.Kind.NULL) {
            throw Errors.at(value, "expected text here, found " + value.describe(), "a string");
        }
        return Template.parse(value, scalar.text());
    }

    private void requireKnown(String key) {
        if (!known.contains(key)) {
            throw new IllegalStateException("the loader reads an undeclared key " + key);
        }
    }
}
