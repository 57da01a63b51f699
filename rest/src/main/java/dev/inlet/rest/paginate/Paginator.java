package dev.inlet.rest.paginate;

import dev.inlet.core.Position;
import dev.inlet.core.http.Request;
import java.util.Optional;

/**
 * How an API pages: how a position's token goes into the request, and how the next token comes out
 * of a page. One small class per style; see {@link Paginators} for the built-in ones.
 *
 * <p>A paginator keeps no state: everything it needs is in the {@link Position} and the
 * {@link PageFacts}. Implementations must be thread-safe.
 */
public interface Paginator {

    /**
     * The request for the page at a position.
     *
     * @param first the endpoint's request for the first page
     * @param position the position; its token is empty for the first page
     */
    Request apply(Request first, Position position);

    /** The token of the next page, or empty if this was the last page. */
    Optional<String> nextToken(PageFacts page);

    /**
     * Called on the last page only (when {@link #nextToken} was empty): the token a <em>later</em> run
     * starts from, for sync APIs whose last page says where the next sync continues. Empty (the default):
     * every run starts at the first page. A checkpointed run ({@code Checkpointing}, {@code IncrementalSync})
     * saves it and starts its next run there. See {@link Paginators#continuing(Paginator, String)}.
     */
    default Optional<String> continuationToken(PageFacts lastPage) {
        return Optional.empty();
    }

    /** Whether {@link #nextToken} needs {@link PageFacts#lastRecord()} (costs a tree per skipped record). */
    default boolean needsLastRecord() {
        return false;
    }

    /**
     * The token of the page after the one at the position <em>if that page comes back with
     * {@link #fullPageSize()} records</em>, known from the request alone (an offset plus the limit, a
     * page number plus one). Empty (the default) when the next token depends on the response.
     * Prefetch ({@code RestConnector.Builder.prefetch}) requests such pages ahead; a page that comes
     * back short simply makes the guess unused.
     */
    default Optional<String> nextTokenIfFull(Position position) {
        return Optional.empty();
    }

    /** How many records a full page holds (the page size the request asks for); 0 (the default): unknown. */
    default int fullPageSize() {
        return 0;
    }

    /**
     * Whether {@link #nextToken} reads only the request and the response's status and headers — never
     * the body, the record count or the last record (a {@code Link} header, a cursor header). Then,
     * with prefetch on, the next request leaves as soon as a response head arrives. Default false.
     */
    default boolean nextTokenFromHead() {
        return false;
    }

    /**
     * Whether tokens are whole URLs (next links). Such a URL on another origin than the endpoint's
     * is refused unless the endpoint allows that origin, so credentials never follow it.
     */
    default boolean tokensAreUrls() {
        return false;
    }
}
