package dev.inlet.testkit;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Page bodies already rendered from one version of a record set, so a page asked for again is answered
 * without joining its records' bytes again: what a pre-rendered server does by construction, and what
 * kept the fake behind the bench module's server (issue 17). Keyed by the served list's identity (one
 * list per version of the set), the page's bounds and its envelope; a list of another identity (the set
 * changed, or a filtered view) empties the cache. Bounded by {@link #MAX_BYTES}, least recently used
 * out first. Thread-safe.
 */
final class PageBodyCache {

    /** The most page bytes kept: 32 MiB (160 pages of 1,000 records of ~200 bytes). */
    static final long MAX_BYTES = 32L << 20;

    private final Map<Key, byte[]> pages = new LinkedHashMap<>(16, 0.75f, true);
    private List<?> records;
    private long bytes;

    /** The body rendered for these bounds and envelope of this list, if kept. */
    synchronized byte[] get(List<?> served, int start, int end, byte[] tail) {
        return served == records ? pages.get(new Key(start, end, tail)) : null;
    }

    /** Keeps a body rendered for these bounds and envelope of this list. */
    synchronized void put(List<?> served, int start, int end, byte[] tail, byte[] body) {
        if (body.length > MAX_BYTES) {
            return;
        }
        if (served != records) {
            pages.clear();
            bytes = 0;
            records = served;
        }
        byte[] old = pages.put(new Key(start, end, tail), body);
        bytes += body.length - (old == null ? 0 : old.length);
        for (Iterator<byte[]> eldest = pages.values().iterator(); bytes > MAX_BYTES && eldest.hasNext(); ) {
            bytes -= eldest.next().length;
            eldest.remove();
        }
    }

    /** A page's bounds and its envelope (the fields beside the records, or null for a bare array). */
    private static final class Key {
        private final int start;
        private final int end;
        private final byte[] tail;
        private final int hash;

        Key(int start, int end, byte[] tail) {
            this.start = start;
            this.end = end;
            this.tail = tail;
            this.hash = (31 * start + end) * 31 + Arrays.hashCode(tail);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.start == start && k.end == end && Arrays.equals(k.tail, tail);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
