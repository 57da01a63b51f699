package dev.inlet.rest.paginate;

import dev.inlet.core.Position;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.internal.Urls;
import java.util.Optional;

/** {@code ?page=N[&per_page=M]}: the next page number is one more; an empty page ends. */
final class PageNumberPaginator implements Paginator {

    private final String pageParam;
    private final long firstPage;
    private final String sizeParam;
    private final int size;

    PageNumberPaginator(String pageParam, long firstPage, String sizeParam, int size) {
        this.pageParam = Paginators.requireName(pageParam, "page parameter");
        this.firstPage = firstPage;
        this.sizeParam = sizeParam;
        this.size = size;
    }

    @Override
    public Request apply(Request first, Position position) {
        long page = position.token().map(t -> Paginators.parseLong(t, "page number", position)).orElse(firstPage);
        var uri = Urls.withQueryParameter(first.uri(), pageParam, Long.toString(page));
        if (sizeParam != null) {
            uri = Urls.withQueryParameter(uri, sizeParam, Integer.toString(size));
        }
        return first.toBuilder().uri(uri).build();
    }

    @Override
    public Optional<String> nextToken(PageFacts page) {
        if (page.recordCount() == 0) {
            return Optional.empty();
        }
        long current = page.position().token().map(t -> Paginators.parseLong(t, "page number", page.position()))
                .orElse(firstPage);
        return Optional.of(Long.toString(current + 1));
    }

    @Override
    public Optional<String> nextTokenIfFull(Position position) {
        if (sizeParam == null) {
            return Optional.empty();
        }
        long current = position.token().map(t -> Paginators.parseLong(t, "page number", position)).orElse(firstPage);
        return Optional.of(Long.toString(current + 1));
    }

    @Override
    public int fullPageSize() {
        return sizeParam == null ? 0 : size;
    }

    @Override
    public String toString() {
        return "pageNumber(" + pageParam + " from " + firstPage + ")";
    }
}
