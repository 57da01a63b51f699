package dev.inlet.core.http.internal;

import java.nio.charset.StandardCharsets;

/** <b>Internal</b> (not API; see the package).
 * Turns the first bytes of a body into a short, printable, single-line excerpt for messages. */
public final class BodyExcerpt {

    /** How many bytes of a body error messages quote. */
    public static final int DEFAULT_BYTES = 200;

    private BodyExcerpt() {
    }

    /** The first {@code length} bytes as text, control characters folded to spaces. */
    public static String of(byte[] bytes, int length) {
        String text = new String(bytes, 0, Math.min(length, bytes.length), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                if (!space) {
                    out.append(' ');
                }
                space = true;
            } else if (c != '\uFFFD') {
                out.append(c);
                space = false;
            }
        }
        return out.append('"').toString();
    }
}
