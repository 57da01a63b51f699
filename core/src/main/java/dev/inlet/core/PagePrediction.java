package dev.inlet.core;

import java.util.Optional;

/**
 * What a {@link PageSource} can tell about the next page before the current one is read to its end:
 * the capability that {@link PrefetchingSource} uses to request pages ahead. A source implements it
 * next to {@link PageSource}; both methods are optional (empty: not predictable), and a prediction
 * that turns out wrong costs a wasted request, never a wrong record: the prefetched page is used only
 * when the page before it really names it as the next.
 */
public interface PagePrediction {

    /**
     * The position of the page after the one at {@code position}, <em>if that page comes back full</em>,
     * known from the request alone: an offset plus the page size, a page number plus one (with the
     * page size as its record count). Empty (the default) when the next request depends on the
     * response.
     */
    default Optional<Position> nextIfFull(Position position) {
        return Optional.empty();
    }

    /**
     * The token of the page after the one at {@code position}, read from that page's response head
     * alone (a {@code Link} header, a cursor header), before its body is read. Empty (the default)
     * when the head does not say, or the source cannot tell without the body.
     *
     * @param position where the current page was asked for
     * @param head the status and headers of the current page's response
     */
    default Optional<String> nextTokenFromHead(Position position, ResponseInfo head) {
        return Optional.empty();
    }
}
