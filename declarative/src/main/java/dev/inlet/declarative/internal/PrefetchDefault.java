package dev.inlet.declarative.internal;

import dev.inlet.core.ratelimit.RateLimit;

/**
 * <b>Internal.</b> How many pages a definition's stream keeps in flight when it does not say
 * ({@code prefetch:}): chosen from the vendor's rate limit when the definition states one. Enough pages to
 * cover a page's latency at the pace the API allows — {@code requests per second × latency + 1}, with the
 * latency taken as {@value #ASSUMED_LATENCY_MILLIS} ms (the middle of the 100–500 ms real APIs answer in) —
 * at least 2 and at most {@value #CAP}; 1 (one request at a time) without a fixed rate. The limiter still
 * decides the pace (this is only how many may wait for it at once), and a paginator that cannot predict its
 * next page (a cursor in the body) is unaffected. The cost is up to {@code k - 1} requests past the last page.
 */
final class PrefetchDefault {

    /** The most a definition may ask for (core's limit). */
    static final int MAX = 64;
    /** The latency assumed for a page when choosing the default. */
    static final int ASSUMED_LATENCY_MILLIS = 250;
    /** The largest default: beyond it the extra requests past the end cost more than the latency hidden. */
    static final int CAP = 8;

    private PrefetchDefault() {
    }

    /** The default for a definition with this rate limit (null: none stated). */
    static int of(RateLimitSpec rateLimit) {
        if (rateLimit == null || !rateLimit.limit().hasFixedRate()) {
            return 1;
        }
        RateLimit limit = rateLimit.limit();
        double perSecond = limit.permits() * 1e9 / limit.period().toNanos();
        long pages = (long) Math.ceil(perSecond * ASSUMED_LATENCY_MILLIS / 1000.0) + 1;
        return (int) Math.max(2, Math.min(CAP, pages));
    }

    /** The pages in flight for a stream: its own {@code prefetch:}, else the default. */
    static int of(StreamSpec stream, RateLimitSpec rateLimit) {
        return stream.prefetch() > 0 ? stream.prefetch() : of(rateLimit);
    }
}
