package dev.inlet.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Something a run got through but that a person should look at: it is logged at WARN, passed to
 * {@link InletListener#warning}, and counted in the {@link RunReport}. Immutable.
 *
 * @param connector the connector's name
 * @param kind a short stable code, one of the constants of this class (modules may add their own)
 * @param message what happened, where (page, pointer, URL without secrets) and what to do
 * @param position the page it concerns, if any
 */
public record RunWarning(String connector, String kind, String message, Optional<Position> position) {

    /** A saved position skipped more records than its page now holds (the page shrank, or the state was edited). */
    public static final String SKIP_BEYOND_PAGE = "skip-beyond-page";

    /** A connector without a paginator got a response that says there are more pages. */
    public static final String UNFOLLOWED_PAGING = "unfollowed-paging";

    /** An incremental cursor value lies further in the future than the tolerance; it was not stored. */
    public static final String CURSOR_IN_FUTURE = "cursor-in-future";

    /** Checks that nothing is null. */
    public RunWarning {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(position, "position");
    }
}
