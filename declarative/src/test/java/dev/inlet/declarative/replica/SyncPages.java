package dev.inlet.declarative.replica;

/**
 * How a replica lays out the pages of a sync paged by a cursor in the request body (Plaid's
 * {@code /transactions/sync}), where one answer carries several arrays and a page may have updates of
 * other kinds only: the stream's records are {@link Replica#CURSOR_PAGE} a page except page 1, which has
 * none of them (when there are more than a page's worth), so a reader that stops on an empty page misses
 * the rest; the other arrays are {@link Replica#CURSOR_PAGE} a page without a gap. The sync ends at the
 * last page of whichever array is longest. Pages are numbered from 0; the cursor of page {@code n} is
 * {@code "c" + n}.
 */
final class SyncPages {

    private SyncPages() {
    }

    /** The stream's records on page {@code number}: {@code [from, to)} of {@code count}. */
    static int[] range(int number, int count) {
        int page = Replica.CURSOR_PAGE;
        int from = number == 0 ? 0 : (number == 1 ? page : (number - 1) * page);
        int to = number == 1 ? page : from + page;
        return new int[] {Math.min(from, count), Math.min(to, count)};
    }

    /** Another array's records on page {@code number}: {@code [from, to)} of {@code count}. */
    static int[] siblingRange(int number, int count) {
        int page = Replica.CURSOR_PAGE;
        return new int[] {Math.min(number * page, count), Math.min((number + 1) * page, count)};
    }

    /** The number of the sync's last page, for the stream's {@code count} records and the longest other array. */
    static int last(int count, int longestSibling) {
        int page = Replica.CURSOR_PAGE;
        int own = count <= page ? 0 : (count + page - 1) / page;
        int other = longestSibling <= page ? 0 : (longestSibling + page - 1) / page - 1;
        return Math.max(own, other);
    }

    /** The cursor a run has saved while on the page holding the stream's record at {@code index}. */
    static String cursorOf(int index) {
        int page = Replica.CURSOR_PAGE;
        return "c" + (index < page ? 0 : index / page + 1);
    }
}
