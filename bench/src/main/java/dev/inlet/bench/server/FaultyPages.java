package dev.inlet.bench.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link RecordPages} with faults: every {@code every}-th request fails, taking turns between a 503
 * with {@code Retry-After: 0}, a 429 with {@code Retry-After: 0}, and a body cut off halfway
 * through its records (the connection then drops). The page content never changes, so a client that
 * retries correctly still sees every record exactly once. Thread-safe.
 */
public final class FaultyPages implements PagedApi {

    private final RecordPages pages;
    private final int every;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong faults = new AtomicLong();

    /** {@code pages} pages of {@code perPage} records; one request in {@code every} fails. */
    public FaultyPages(int pages, int perPage, int every) {
        this.pages = new RecordPages(pages, perPage);
        this.every = every;
    }

    @Override
    public Reply handle(Exchange exchange) {
        long n = requests.incrementAndGet();
        if (n % every != 0) {
            return pages.handle(exchange);
        }
        long fault = faults.incrementAndGet();
        return switch ((int) (fault % 3)) {
            case 1 -> Reply.empty(503, "Retry-After", "0");
            case 2 -> Reply.empty(429, "Retry-After", "0");
            default -> pages.handle(exchange).truncated(pages.pageBytes() / 2);
        };
    }

    @Override
    public long expectedCount() {
        return pages.expectedCount();
    }

    @Override
    public long expectedSum() {
        return pages.expectedSum();
    }

    /** Faults injected so far. */
    public long faults() {
        return faults.get();
    }
}
