package dev.inlet.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.inlet.rest.Items.items;
import static dev.inlet.rest.Items.range;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.Connector;
import dev.inlet.rest.paginate.Paginators;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Every paginator against a fake API with at least three pages: exact records, exact order. */
class PaginatorsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static List<Integer> numbers(Connector<JsonNode> connector) {
        try (Stream<JsonNode> records = connector.records()) {
            return records.map(r -> r.get("n").asInt()).toList();
        }
    }

    private RestConnector.Builder connector(String path) {
        return RestConnector.builder("test").baseUrl(api.baseUrl()).path(path);
    }

    @Test
    void linkHeaderLikeGitHub() {
        String base = api.baseUrl() + "/repos/o/r/issues";
        api.stubFor(get(urlPathEqualTo("/repos/o/r/issues")).withQueryParam("page", absent())
                .willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                        .withHeader("Link", "<" + base + "?per_page=3&page=2>; rel=\"next\", <" + base
                                + "?per_page=3&page=3>; rel=\"last\"")
                        .withBody(items(0, 3))));
        api.stubFor(get(urlPathEqualTo("/repos/o/r/issues")).withQueryParam("page", equalTo("2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withHeader("Link", "<" + base + "?per_page=3&page=1>; rel=\"prev\", <" + base
                                + "?per_page=3&page=3>; rel=\"next\"")
                        .withBody(items(3, 6))));
        api.stubFor(get(urlPathEqualTo("/repos/o/r/issues")).withQueryParam("page", equalTo("3"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withHeader("Link", "<" + base + "?per_page=3&page=2>; rel=\"prev\"")
                        .withBody(items(6, 8))));

        List<Integer> got = numbers(connector("/repos/o/r/issues").query("per_page", "3")
                .paginator(Paginators.linkHeader()).build());

        assertThat(got).isEqualTo(range(0, 8));
        api.verify(3, getRequestedFor(urlPathEqualTo("/repos/o/r/issues")));
    }

    @Test
    void lastRecordCursorLikeStripe() {
        api.stubFor(get(urlPathEqualTo("/v1/charges")).withQueryParam("starting_after", absent())
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"object\":\"list\",\"data\":" + items(0, 3) + ",\"has_more\":true}")));
        api.stubFor(get(urlPathEqualTo("/v1/charges")).withQueryParam("starting_after", equalTo("r2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"object\":\"list\",\"data\":" + items(3, 6) + ",\"has_more\":true}")));
        api.stubFor(get(urlPathEqualTo("/v1/charges")).withQueryParam("starting_after", equalTo("r5"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"object\":\"list\",\"data\":" + items(6, 7) + ",\"has_more\":false}")));

        List<Integer> got = numbers(connector("/v1/charges").query("limit", "3").records("/data")
                .paginator(Paginators.stripe()).build());

        assertThat(got).isEqualTo(range(0, 7));
        api.verify(3, getRequestedFor(urlPathEqualTo("/v1/charges")).withQueryParam("limit", equalTo("3")));
    }

    @Test
    void offsetAndLimitUntilAnEmptyPage() {
        for (int offset = 0; offset <= 9; offset += 3) {
            api.stubFor(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo(Integer.toString(offset)))
                    .withQueryParam("limit", equalTo("3"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"items\":" + items(offset, Math.min(offset + 3, 8)) + "}")));
        }
        // 8 records: pages of 3, 3, 2, then the offset 8 page is empty
        api.stubFor(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo("8"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"items\":[]}")));

        List<Integer> got = numbers(connector("/items").records("/items")
                .paginator(Paginators.offset("offset", "limit", 3)).build());

        assertThat(got).isEqualTo(range(0, 8));
        api.verify(4, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void pageNumbersUntilAnEmptyPage() {
        for (int page = 1; page <= 4; page++) {
            int from = (page - 1) * 2;
            String body = page == 4 ? "[]" : items(from, from + 2);
            api.stubFor(get(urlPathEqualTo("/list")).withQueryParam("page", equalTo(Integer.toString(page)))
                    .withQueryParam("per_page", equalTo("2"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
        }

        List<Integer> got = numbers(connector("/list").paginator(Paginators.pageNumber("page", 1, "per_page", 2))
                .build());

        assertThat(got).isEqualTo(range(0, 6));
        api.verify(4, getRequestedFor(urlPathEqualTo("/list")));
    }

    @Test
    void bodyCursorLikeHubSpot() {
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/contacts")).withQueryParam("after", absent())
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"results\":" + items(0, 2) + ",\"paging\":{\"next\":{\"after\":\"c2\"}}}")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/contacts")).withQueryParam("after", equalTo("c2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"results\":" + items(2, 4) + ",\"paging\":{\"next\":{\"after\":\"c4\"}}}")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/contacts")).withQueryParam("after", equalTo("c4"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"results\":" + items(4, 5) + "}")));

        List<Integer> got = numbers(connector("/crm/v3/objects/contacts").records("/results")
                // HubSpot leaves "paging" out of the last page: declared, so its absence ends paging.
                .paginator(Paginators.bodyCursor("after", "/paging/next/after")).absentMeansEnd().build());

        assertThat(got).isEqualTo(range(0, 5));
    }

    @Test
    void cursorFromAHeader() {
        api.stubFor(get(urlPathEqualTo("/events")).withQueryParam("cursor", absent())
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withHeader("X-Next-Cursor", "b").withBody(items(0, 2))));
        api.stubFor(get(urlPathEqualTo("/events")).withQueryParam("cursor", equalTo("b"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withHeader("X-Next-Cursor", "c").withBody(items(2, 4))));
        api.stubFor(get(urlPathEqualTo("/events")).withQueryParam("cursor", equalTo("c"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(items(4, 6))));

        List<Integer> got = numbers(connector("/events").paginator(Paginators.headerCursor("X-Next-Cursor", "cursor"))
                .build());

        assertThat(got).isEqualTo(range(0, 6));
    }

    @Test
    void nextUrlInTheBodyRelativeAndAbsolute() {
        api.stubFor(get(urlPathEqualTo("/odata/Orders")).withQueryParam("$skiptoken", absent())
                .willReturn(aResponse().withHeader("Content-Type", "application/json;odata.metadata=minimal")
                        .withBody("{\"value\":" + items(0, 2) + ",\"@odata.nextLink\":\"" + api.baseUrl()
                                + "/odata/Orders?$skiptoken=2\"}")));
        api.stubFor(get(urlPathEqualTo("/odata/Orders")).withQueryParam("$skiptoken", equalTo("2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"value\":" + items(2, 4) + ",\"@odata.nextLink\":\"/odata/Orders?$skiptoken=4\"}")));
        api.stubFor(get(urlPathEqualTo("/odata/Orders")).withQueryParam("$skiptoken", equalTo("4"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"value\":" + items(4, 5) + ",\"@odata.nextLink\":null}")));

        List<Integer> got = numbers(connector("/odata/Orders").records("/value")
                .paginator(Paginators.nextUrl("/@odata.nextLink")).build());

        assertThat(got).isEqualTo(range(0, 5));
    }

    @Test
    void aPostSearchSendsItsJsonBodyOnEveryPage() {
        api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/search"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("X-Tenant", equalTo("acme"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"filter\":{\"status\":\"open\"},\"limit\":2}"))
                .withQueryParam("after", absent())
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"results\":" + items(0, 2) + ",\"next\":\"t2\"}")));
        api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/search"))
                .withQueryParam("after", equalTo("t2"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"filter\":{\"status\":\"open\"},\"limit\":2}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"results\":" + items(2, 3) + ",\"next\":null}")));

        List<Integer> got = numbers(connector("/search").post(java.util.Map.of("filter", java.util.Map.of("status",
                "open"), "limit", 2)).header("X-Tenant", "acme").idempotent(true).records("/results")
                .paginator(Paginators.bodyCursor("after", "/next")).build());

        assertThat(got).isEqualTo(range(0, 3));
    }
}
