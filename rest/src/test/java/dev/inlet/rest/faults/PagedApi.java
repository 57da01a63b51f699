package dev.inlet.rest.faults;

import dev.inlet.rest.Items;
import dev.inlet.rest.paginate.Paginator;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.FaultPlan;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordedRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The fault tests' API on the test kit's {@link FakeApi}: {@value #PAGES} pages of {@value #PER_PAGE}
 * records {@code {"id":"r<n>","n":<n>}} under {@code /data} at {@code /items}, paged in one of three
 * styles and read by the Inlet paginator of that style. Requests are numbered from 0 and read one
 * after another, so request {@value #MIDDLE} is the first for the middle page.
 */
enum PagedApi {

    /** {@code ?offset=3&limit=3}; an empty page ends. */
    OFFSET(Paging.offset(), Paginators.offset("offset", "limit", PagedApi.PER_PAGE)),
    /** {@code "paging":{"next":{"after":c}}} sent back as {@code ?after=c}; null on the last page. */
    BODY_CURSOR(Paging.bodyCursor(), Paginators.bodyCursor("after", "/paging/next/after")),
    /** GitHub style: {@code Link: <.../items?after=c>; rel="next"}. */
    LINK_HEADER(Paging.linkHeader(), Paginators.linkHeader());

    static final int PAGES = 3;
    static final int PER_PAGE = 3;
    static final int TOTAL = PAGES * PER_PAGE;
    /** The page faults are injected on, and the number of the first request for it. */
    static final int MIDDLE = 1;
    /** The fake's clock: years away from the client's fake clock, so a wait it asks is measured against its Date. */
    static final Clock SERVER_CLOCK = Clock.fixed(Instant.parse("2032-06-15T10:00:00Z"), ZoneOffset.UTC);

    private final Paging paging;
    private final Paginator paginator;

    PagedApi(Paging paging, Paginator paginator) {
        this.paging = paging;
        this.paginator = paginator;
    }

    Paginator paginator() {
        return paginator;
    }

    /** A started fake of this style with the faults; the caller closes it. */
    FakeApi start(FaultPlan faults) {
        return FakeApi.builder().path("/items").records(Items.numbered(TOTAL)).paging(paging).pageSize(PER_PAGE)
                .clock(SERVER_CLOCK).faults(faults).start();
    }

    /** The requests so far for the middle page: those asking what request {@value #MIDDLE} asked. */
    static List<RecordedRequest> middlePageRequests(FakeApi api) {
        List<RecordedRequest> all = api.requests();
        return all.size() <= MIDDLE ? List.of()
                : all.stream().filter(r -> r.query().equals(all.get(MIDDLE).query())).toList();
    }
}
