package dev.inlet.declarative.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * <b>Internal.</b> A string of a definition with its placeholders: literal text and references
 * {@code ${env:NAME}}, {@code ${file:path}}, {@code ${input:name}}, each optionally typed
 * ({@code ${env:PAGE_SIZE:integer}}). No expressions: a reference names one value, resolved when the
 * definition is bound. <code>$${</code> writes a literal <code>${</code>. Immutable.
 */
public final class Template {

    /** The reference kinds. */
    public static final Set<String> KINDS = Set.of("env", "file", "input", "parent");

    /**
     * One reference.
     *
     * @param kind {@code env}, {@code file} or {@code input}
     * @param name the variable, path or input name
     * @param type the declared type ({@code string} when none was written)
     * @param text the reference as written, for messages
     */
    public record Reference(String kind, String name, ValueType type, String text) {
    }

    private final Node node;
    private final List<Object> parts;

    private Template(Node node, List<Object> parts) {
        this.node = node;
        this.parts = List.copyOf(parts);
    }

    /** A template without a node (a default built by the loader itself). */
    public static Template literal(Node at, String text) {
        return new Template(at, text.isEmpty() ? List.of() : List.of(text));
    }

    /** Parses the text of a scalar; a bad placeholder is an error at the scalar. */
    public static Template parse(Node at, String text) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw Errors.at(at, "unclosed placeholder `" + text.substring(i) + "`",
                            "${env:NAME}, ${file:path} or ${input:name}");
                }
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(reference(at, text.substring(i, end + 1)));
                i = end + 1;
            } else {
                literal.append(text.charAt(i++));
            }
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return new Template(at, parts);
    }

    private static Reference reference(Node at, String written) {
        String inner = written.substring(2, written.length() - 1);
        String[] pieces = inner.split(":", -1);
        if (pieces.length < 2 || pieces.length > 3 || pieces[1].isEmpty()) {
            throw Errors.at(at, "malformed placeholder `" + written + "`",
                    "${env:NAME}, ${file:path} or ${input:name}, optionally with a type (${env:NAME:integer})");
        }
        String kind = pieces[0];
        if (!KINDS.contains(kind)) {
            String near = Suggestions.nearest(kind, KINDS);
            throw Errors.at(at, "unknown placeholder kind `" + kind + "` in `" + written
                    + "` (placeholders are references, not expressions)", "env, file, input or parent", near);
        }
        ValueType type = ValueType.STRING;
        if (pieces.length == 3) {
            type = ValueType.parse(pieces[2]);
            if (type == null) {
                throw Errors.at(at, "unknown type `" + pieces[2] + "` in `" + written + "`", ValueType.names(),
                        Suggestions.nearest(pieces[2], ValueType.NAMES));
            }
        }
        return new Reference(kind, pieces[1], type, written);
    }

    /** The node the template was written at. */
    public Node node() {
        return node;
    }

    /** The references, in order. */
    public List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Reference r) {
                references.add(r);
            }
        }
        return references;
    }

    /** Whether the whole value is one reference (required where a secret or a typed value goes). */
    public boolean isSingleReference() {
        return parts.size() == 1 && parts.get(0) instanceof Reference;
    }

    /** Whether there is no reference at all. */
    public boolean isLiteral() {
        return parts.stream().noneMatch(p -> p instanceof Reference);
    }

    /** The literal text, when {@link #isLiteral()}. */
    public String literalText() {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part);
        }
        return text.toString();
    }

    /** The text with every reference replaced by its value. */
    public String resolve(Resolver resolver) {
        if (parts.size() == 1 && parts.get(0) instanceof String s) {
            return s;
        }
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part instanceof Reference r ? resolver.resolve(node, r) : (String) part);
        }
        return text.toString();
    }

    /** The text as written, references included (never a resolved value). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part instanceof Reference r ? r.text() : part);
        }
        return text.toString();
    }
}
