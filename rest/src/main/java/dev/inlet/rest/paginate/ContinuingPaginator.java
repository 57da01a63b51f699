package dev.inlet.rest.paginate;

import dev.inlet.core.Position;
import dev.inlet.core.http.Request;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A paginator whose last page names where the <em>next run</em> starts (see
 * {@link Paginators#continuing(Paginator, String)}): everything is the wrapped paginator's, except that
 * the last page's field at the pointer becomes the run's continuation token. Sync APIs work this way:
 * Plaid's {@code /transactions/sync} ends with {@code has_more: false} and a {@code next_cursor} that the
 * next sync sends to get only what changed; a Microsoft Graph delta query ends with an
 * {@code @odata.deltaLink}. A missing field is a {@link dev.inlet.core.error.PaginationException} (unless
 * the endpoint says {@code absentMeansEnd()}); null or empty means "start the next run at the beginning".
 */
final class ContinuingPaginator implements Paginator {

    private final Paginator paging;
    private final String pointer;

    ContinuingPaginator(Paginator paging, String pointer) {
        this.paging = Objects.requireNonNull(paging, "paging");
        this.pointer = Paginators.requirePointer(pointer);
        if (pointer.isEmpty()) {
            throw new IllegalArgumentException("the continuation pointer must name a field of the last page's body "
                    + "(e.g. \"/next_cursor\"), not the whole body");
        }
    }

    @Override
    public Request apply(Request first, Position position) {
        return paging.apply(first, position);
    }

    @Override
    public Optional<String> nextToken(PageFacts page) {
        return paging.nextToken(page);
    }

    @Override
    public Optional<String> continuationToken(PageFacts lastPage) {
        return lastPage.pagingField(pointer, "the continuation of " + this).filter(JsonNode::isValueNode)
                .map(JsonNode::asString).filter(token -> !token.isEmpty());
    }

    @Override
    public boolean needsLastRecord() {
        return paging.needsLastRecord();
    }

    @Override
    public Optional<String> nextTokenIfFull(Position position) {
        return paging.nextTokenIfFull(position);
    }

    @Override
    public int fullPageSize() {
        return paging.fullPageSize();
    }

    @Override
    public boolean nextTokenFromHead() {
        return paging.nextTokenFromHead();
    }

    @Override
    public boolean tokensAreUrls() {
        return paging.tokensAreUrls();
    }

    @Override
    public String toString() {
        return paging + ", the next run continuing from " + pointer;
    }
}
