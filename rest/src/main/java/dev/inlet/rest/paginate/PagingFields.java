package dev.inlet.rest.paginate;

import dev.inlet.core.error.PaginationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The error for a paging field that is not in the body: the field a paginator or stop condition was
 * configured to read is absent, which is not the same as {@code null} (an end marker). It names the
 * pointer, the fields that are present, the nearest of them ("did you mean /next_cursor?"), and how to
 * declare an API that leaves the field out of its last page.
 */
final class PagingFields {

    /** How deep into the envelope fields are listed, and how many at most. */
    private static final int MAX_DEPTH = 4;
    private static final int MAX_LISTED = 40;

    private PagingFields() {
    }

    static PaginationException absent(PageFacts page, String pointer, String what) {
        List<String> present = new ArrayList<>();
        collect(page.envelope(), "", 0, present);
        String nearest = nearest(pointer, present);
        String listed = present.isEmpty() ? "none besides the records"
                : String.join(", ", present.subList(0, Math.min(present.size(), MAX_LISTED)))
                        + (present.size() > MAX_LISTED ? ", …" : "");
        return new PaginationException("The body of " + page.position().describe() + " from "
                + page.response().redactedUri() + " has no " + pointer + " (" + what + "); fields present: " + listed
                + (nearest == null ? "" : ". Did you mean " + nearest + "?")
                + ". A missing field is not an end marker: paging would stop here without a word",
                "Fix the pointer; if the API leaves the field out of its last page, say so with absentMeansEnd() "
                        + "on the connector builder");
    }

    private static void collect(JsonNode node, String prefix, int depth, List<String> out) {
        if (!node.isObject() || depth >= MAX_DEPTH) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String pointer = prefix + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            out.add(pointer);
            collect(field.getValue(), pointer, depth + 1, out);
        }
    }

    /** The present pointer closest to the wanted one, if close enough to be a likely typo. */
    static String nearest(String wanted, List<String> present) {
        String key = normalise(wanted);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : present) {
            String normal = normalise(candidate);
            int distance = normal.equals(key) ? 0 : distance(key, normal) + 1;
            // "/total_count" and "/total": one name extends the other.
            boolean extension = normal.length() > 1 && key.length() > 1 && (normal.startsWith(key)
                    || key.startsWith(normal));
            if ((extension || distance <= Math.max(2, key.length() / 3)) && distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best;
    }

    /** Case, underscores and dashes do not count: {@code /nextCursor} is {@code /next_cursor}. */
    private static String normalise(String pointer) {
        return pointer.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
