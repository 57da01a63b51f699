package dev.inlet.rest.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.rest.paginate.Paginator;
import dev.inlet.rest.paginate.Paginators;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A fake API at {@code /items}: {@value #PAGES} pages of {@value #PER_PAGE} records
 * {@code {"id":"r<n>","n":<n>}} under {@code /data}, paged by one of three paginator kinds.
 */
enum PagedApi {

    /** {@code ?offset=3&limit=3}; an empty page ends. */
    OFFSET(Paginators.offset("offset", "limit", PagedApi.PER_PAGE)) {
        @Override
        MappingBuilder request(int page) {
            return get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo(Integer.toString(page * PER_PAGE)));
        }
    },
    /** {@code {"data":[...],"next":"c2"}} sent back as {@code ?cursor=c2}. */
    BODY_CURSOR(Paginators.bodyCursor("cursor", "/next")) {
        @Override
        MappingBuilder request(int page) {
            return get(urlPathEqualTo("/items")).withQueryParam("cursor", page == 0 ? absent() : equalTo("c" + page));
        }

        @Override
        String envelope(int page) {
            // The last page ends with an explicit null: an absent cursor would be a configuration error.
            return page < PAGES - 1 ? ",\"next\":\"c" + (page + 1) + "\"" : ",\"next\":null";
        }
    },
    /** GitHub style: {@code Link: <.../items?page=2>; rel="next"}. */
    LINK_HEADER(Paginators.linkHeader()) {
        @Override
        MappingBuilder request(int page) {
            return get(urlPathEqualTo("/items")).withQueryParam("page", page == 0 ? absent()
                    : equalTo(Integer.toString(page + 1)));
        }

        @Override
        ResponseDefinitionBuilder headers(ResponseDefinitionBuilder response, String baseUrl, int page) {
            return page < PAGES - 1 ? response.withHeader("Link", "<" + baseUrl + "/items?page=" + (page + 2)
                    + ">; rel=\"next\", <" + baseUrl + "/items?page=" + PAGES + ">; rel=\"last\"") : response;
        }
    };

    static final int PAGES = 3;
    static final int PER_PAGE = 3;
    static final int TOTAL = PAGES * PER_PAGE;
    /** The page faults are injected on. */
    static final int MIDDLE = 1;

    private final Paginator paginator;

    PagedApi(Paginator paginator) {
        this.paginator = paginator;
    }

    Paginator paginator() {
        return paginator;
    }

    /** The request for a page (0-based). */
    abstract MappingBuilder request(int page);

    /** Fields after the records array. */
    String envelope(int page) {
        return "";
    }

    /** Paging headers of a page's response. */
    ResponseDefinitionBuilder headers(ResponseDefinitionBuilder response, String baseUrl, int page) {
        return response;
    }

    /** The body of a page. */
    String body(int page) {
        return "{\"data\":" + records(page * PER_PAGE, page * PER_PAGE + (page < PAGES ? PER_PAGE : 0)) + envelope(page)
                + "}";
    }

    /** A good response for a page, with its paging headers. */
    ResponseDefinitionBuilder good(String baseUrl, int page) {
        return headers(aResponse().withHeader("Content-Type", "application/json").withBody(body(page)), baseUrl, page);
    }

    /** Stubs every page with good responses (and the empty page after the last, for offsets). */
    void stubGood(WireMockExtension server) {
        for (int page = 0; page < PAGES; page++) {
            server.stubFor(request(page).willReturn(good(server.baseUrl(), page)));
        }
        if (this == OFFSET) {
            server.stubFor(request(PAGES).willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody("{\"data\":[]}")));
        }
    }

    static String records(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "{\"id\":\"r" + i + "\",\"n\":" + i + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
