package dev.inlet.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Stubs for fake paged APIs shared by the REST tests. */
final class FakeApi {

    private FakeApi() {
    }

    /** A JSON array of records {"id":"r<i>","n":<i>} for i in [from, to). */
    static String items(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "{\"id\":\"r" + i + "\",\"n\":" + i + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** The numbers 0..n-1 as a list. */
    static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    /**
     * A Stripe-like list at {@code path}: {@code total} records in pages of {@code pageSize}, cursor
     * {@code starting_after}, {@code has_more}.
     */
    static void stripeLike(WireMockExtension api, String path, int total, int pageSize) {
        for (int from = 0; from < total; from += pageSize) {
            int to = Math.min(from + pageSize, total);
            var request = get(urlPathEqualTo(path));
            request = from == 0 ? request.withQueryParam("starting_after", absent())
                    : request.withQueryParam("starting_after", equalTo("r" + (from - 1)));
            api.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody("{\"object\":\"list\",\"data\":" + items(from, to) + ",\"has_more\":"
                            + (to < total) + "}")));
        }
    }
}
