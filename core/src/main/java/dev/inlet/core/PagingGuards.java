package dev.inlet.core;

/**
 * A connector's settings for the paging guards of its runs (see {@link PagingGuard}).
 *
 * @param maxEmptyPagesInARow how many empty pages in a row may each name a next page before the run
 *     fails ({@link Integer#MAX_VALUE}: no limit)
 * @param allowRepeatedPages whether a page may hold exactly the records of the page before it
 */
record PagingGuards(int maxEmptyPagesInARow, boolean allowRepeatedPages) {

    /** The default limit of empty pages in a row: more than real APIs send, few enough to fail in seconds. */
    static final int DEFAULT_MAX_EMPTY_PAGES = 10;

    static final PagingGuards DEFAULTS = new PagingGuards(DEFAULT_MAX_EMPTY_PAGES, false);

    static int checkMaxEmptyPages(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxEmptyPagesInARow must be >= 1 (Integer.MAX_VALUE for no limit), was "
                    + max);
        }
        return max;
    }
}
