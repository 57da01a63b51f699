package dev.inlet.rest.paginate;

import dev.inlet.core.Position;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.internal.Urls;
import java.util.Optional;

/** {@code ?offset=N&limit=M}: the next offset is this one plus the records received; an empty page ends. */
final class OffsetPaginator implements Paginator {

    private final String offsetParam;
    private final String limitParam;
    private final int limit;
    private final long start;

    OffsetPaginator(String offsetParam, String limitParam, int limit, long start) {
        this.offsetParam = Paginators.requireName(offsetParam, "offset parameter");
        this.limitParam = limitParam;
        this.limit = limit;
        this.start = start;
    }

    @Override
    public Request apply(Request first, Position position) {
        long offset = position.token().map(t -> Paginators.parseLong(t, "offset", position)).orElse(start);
        var uri = Urls.withQueryParameter(first.uri(), offsetParam, Long.toString(offset));
        if (limitParam != null) {
            uri = Urls.withQueryParameter(uri, limitParam, Integer.toString(limit));
        }
        return first.toBuilder().uri(uri).build();
    }

    @Override
    public Optional<String> nextToken(PageFacts page) {
        if (page.recordCount() == 0) {
            return Optional.empty();
        }
        long offset = page.position().token().map(t -> Paginators.parseLong(t, "offset", page.position()))
                .orElse(start);
        return Optional.of(Long.toString(offset + page.recordCount()));
    }

    @Override
    public Optional<String> nextTokenIfFull(Position position) {
        if (limitParam == null) {
            return Optional.empty();
        }
        long offset = position.token().map(t -> Paginators.parseLong(t, "offset", position)).orElse(start);
        return Optional.of(Long.toString(offset + limit));
    }

    @Override
    public int fullPageSize() {
        return limitParam == null ? 0 : limit;
    }

    @Override
    public String toString() {
        return "offset(" + offsetParam + (limitParam == null ? "" : ", " + limitParam + "=" + limit) + ")";
    }
}
