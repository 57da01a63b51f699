package dev.inlet.report.internal;

/**
 * <b>Internal</b>: builds HTML (and inline SVG) text in which nothing from the data becomes markup.
 * Every text and attribute value passes through {@link #escape}; tag and attribute names are this
 * module's own constants. The result is also well-formed XML, so tests can parse it without a browser.
 */
public final class Html {

    private final StringBuilder out = new StringBuilder(16_384);

    /** Escapes {@code & < > " '}, and replaces characters XML forbids (controls, lone surrogates) with U+FFFD. */
    public static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(text, i, c);
            if (replacement == null) {
                if (escaped != null) {
                    escaped.append(c);
                }
                continue;
            }
            if (escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (replacement.isEmpty()) { // a valid surrogate pair: keep both halves
                escaped.append(c).append(text.charAt(++i));
            } else {
                escaped.append(replacement);
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    /** What to write for the character at {@code i}: null to keep it, "" for a valid surrogate pair. */
    private static String replacement(String text, int i, char c) {
        switch (c) {
            case '&': return "&amp;";
            case '<': return "&lt;";
            case '>': return "&gt;";
            case '"': return "&quot;";
            case '\'': return "&#39;";
            case '\t', '\n', '\r': return null;
            default:
                break;
        }
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF || (c >= 0x7F && c <= 0x9F)) {
            return "\uFFFD";
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? "" : "\uFFFD";
        }
        return Character.isLowSurrogate(c) ? "\uFFFD" : null;
    }

    /**
     * Opens an element; {@code attributes} are name/value pairs, values escaped. A null value leaves the
     * attribute out.
     */
    public Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    /** An element without content, written {@code <tag .../>}. */
    public Html empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    /** Closes an element. */
    public Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only escaped text. */
    public Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** Escaped text. */
    public Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** This module's own markup (a constant, never data). */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** A line break in the source, to keep the file readable. */
    public Html newline() {
        out.append('\n');
        return this;
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
