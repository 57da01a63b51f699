package dev.inlet.core;

import java.util.ArrayDeque;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import dev.inlet.core.error.PaginationException;

/**
 * The paging guards of one run, for every kind of source: a server that hands out a fresh cursor
 * with every empty page, or that ignores the paging parameter and returns the same page forever,
 * would otherwise keep a run going without end and without an error (the loop guard only sees
 * repeated tokens).
 *
 * <ul>
 *   <li><b>Empty pages in a row.</b> When {@link PagingGuards#maxEmptyPagesInARow()} pages in a row
 *       held no record and the last still names a next page, the run fails before asking for it.</li>
 *   <li><b>A repeated page.</b> A page that holds as many records as the page before it, with the
 *       same first and the same last record ({@link RecordHash}, structural), repeats it: the run fails
 *       before the next page is asked for. First and last suffice (two pages that share them share
 *       records, a duplicate already) and cost two hashes per page, where hashing every record would
 *       cost a fifth of the decoding. A page that starts with the previous page's first record is read
 *       ahead (up to {@link #MAX_READ_AHEAD} records) and refused before any of its records is handed
 *       on; the repeat of a larger page is seen at its end, after its records were delivered once.</li>
 * </ul>
 *
 * A page resumed mid-way (a position with a skip) is not judged. Not thread-safe: one per run.
 */
final class PagingGuard {

    /** The most records a suspicious page is read ahead, so a repeat of it is refused before delivery. */
    static final int MAX_READ_AHEAD = 1_000;

    private final PagingGuards settings;
    private int emptyInARow;
    private Position firstEmpty;
    private int previousCount;
    private long previousFirst;
    private long previousLast;
    private Position previousPosition;

    PagingGuard(PagingGuards settings) {
        this.settings = settings;
    }

    /** The page, watched: its records are counted and hashed, and its end is judged. */
    OpenPage watch(OpenPage page) {
        return new Watched(page);
    }

    private void judge(OpenPage page, int count, long first, long last, Optional<Position> next) {
        Position at = page.position();
        if (at.skip() > 0) {
            emptyInARow = 0;
            previousPosition = null;
            return;
        }
        if (count == 0) {
            if (next.isPresent()) {
                if (emptyInARow++ == 0) {
                    firstEmpty = at;
                }
                if (emptyInARow >= settings.maxEmptyPagesInARow()) {
                    throw new PaginationException("Empty-pages guard: " + emptyInARow + " pages in a row (page "
                            + (firstEmpty.pageIndex() + 1) + " to " + at.describe() + ", from "
                            + page.response().redactedUri() + ") held no records, yet each named a next page ("
                            + next.get().describe() + "); the API may be handing out fresh cursors forever",
                            "If the API legitimately returns long runs of empty pages (a filtered scan), raise the "
                                    + "limit with maxEmptyPagesInARow(...) on the connector builder (default "
                                    + PagingGuards.DEFAULT_MAX_EMPTY_PAGES + ")");
                }
            }
            previousPosition = null;
            return;
        }
        emptyInARow = 0;
        if (!settings.allowRepeatedPages() && previousPosition != null && count == previousCount
                && first == previousFirst && last == previousLast) {
            throw new PaginationException("Repeated-page guard: " + at.describe() + " from "
                    + page.response().redactedUri() + " holds the same " + count + " records (the same first and last) as "
                    + previousPosition.describe() + "; the API seems to ignore the paging parameter and would "
                    + "return this page forever",
                    "Check the paginator's parameter names against the API (e.g. offset or skip, page or p); if the "
                            + "API legitimately returns a page twice, allow it with allowRepeatedPages(true) on the "
                            + "connector builder");
        }
        previousCount = count;
        previousFirst = first;
        previousLast = last;
        previousPosition = at;
    }

    /** A page whose records are counted and hashed as they pass. */
    private final class Watched extends ForwardingOpenPage {
        private final ArrayDeque<JsonNode> ahead = new ArrayDeque<>();
        private int count;
        private long first;
        private JsonNode last;
        private boolean started;
        private boolean judged;

        Watched(OpenPage page) {
            super(page);
        }

        @Override
        public boolean hasNext() {
            if (!started) {
                started = true;
                readAheadIfSuspicious();
            }
            return !ahead.isEmpty() || page.hasNext();
        }

        /**
         * A page that starts with the previous page's first record is read ahead (up to that page's
         * size, at most {@link #MAX_READ_AHEAD} records) and judged before any of its records is handed
         * on: a repeated page then reaches no consumer. Any other page streams as it arrives.
         */
        private void readAheadIfSuspicious() {
            if (settings.allowRepeatedPages() || previousPosition == null || previousCount > MAX_READ_AHEAD
                    || page.position().skip() > 0 || !page.hasNext()) {
                return;
            }
            ahead.add(page.next());
            if (RecordHash.of(ahead.peekFirst()) != previousFirst) {
                return;
            }
            while (ahead.size() < previousCount && page.hasNext()) {
                ahead.add(page.next());
            }
            if (ahead.size() == previousCount && !page.hasNext() && RecordHash.of(ahead.peekLast()) == previousLast) {
                judged = true;
                judge(page, previousCount, previousFirst, previousLast, page.nextPosition());
            }
        }

        @Override
        public JsonNode next() {
            JsonNode record = ahead.isEmpty() ? page.next() : ahead.poll();
            if (count++ == 0 && !settings.allowRepeatedPages()) {
                first = RecordHash.of(record);
            }
            last = record;
            return record;
        }

        @Override
        public Optional<Position> nextPosition() {
            Optional<Position> next = page.nextPosition();
            if (!judged) {
                judged = true;
                long lastHash = count == 0 || settings.allowRepeatedPages() ? 0 : RecordHash.of(last);
                last = null;
                judge(page, count, first, lastHash, next);
            }
            return next;
        }
    }
}
