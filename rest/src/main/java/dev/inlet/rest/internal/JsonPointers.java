package dev.inlet.rest.internal;

import java.util.ArrayList;
import java.util.List;

/** <b>Internal</b> (not API; see the package).
 * Splits a JSON Pointer (RFC 6901) into its unescaped segments. */
public final class JsonPointers {

    private JsonPointers() {
    }

    /**
     * The segments of a pointer: {@code "/data/items"} → [data, items]; {@code ""} → [].
     *
     * @throws IllegalArgumentException if the pointer is neither empty nor starts with '/'
     */
    public static List<String> segments(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("a JSON Pointer is empty or starts with '/': \"" + pointer
                    + "\" (did you mean \"/" + pointer + "\"?)");
        }
        List<String> out = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            out.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return List.copyOf(out);
    }
}
