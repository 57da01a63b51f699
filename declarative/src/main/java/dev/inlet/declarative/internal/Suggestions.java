package dev.inlet.declarative.internal;

import java.util.Collection;

/**
 * <b>Internal.</b> "Did you mean": the known name nearest to an unknown one by edit distance
 * (Levenshtein, case-insensitive), if it is near enough to be a typo (at most a third of the name's
 * length, at least 1, at most 3 edits).
 */
public final class Suggestions {

    private Suggestions() {
    }

    /** The nearest of the candidates, or null when none is near. */
    public static String nearest(String unknown, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int allowed = Math.min(3, Math.max(1, unknown.length() / 3));
        for (String candidate : candidates) {
            int d = distance(unknown.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
