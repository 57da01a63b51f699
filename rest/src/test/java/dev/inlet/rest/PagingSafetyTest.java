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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.Connector;
import dev.inlet.core.error.PaginationException;
import dev.inlet.core.Position;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.rest.paginate.StopCondition;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Stop conditions, the loop guard and the cross-origin refusal. */
class PagingSafetyTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private static List<Integer> numbers(Connector<JsonNode> connector) {
        try (Stream<JsonNode> records = connector.records()) {
            return records.map(r -> r.get("n").asInt()).toList();
        }
    }

    private RestConnector.Builder cursorApi() {
        return RestConnector.builder("safety").baseUrl(api.baseUrl()).path("/c").records("/data")
                .paginator(Paginators.bodyCursor("cursor", "/next"));
    }

    /** Pages of two records under /c; page k links to page k+1 forever, with extra fields. */
    private void endlessCursorPages(int pages) {
        for (int k = 0; k < pages; k++) {
            var request = get(urlPathEqualTo("/c"));
            request = k == 0 ? request.withQueryParam("cursor", absent())
                    : request.withQueryParam("cursor", equalTo("p" + k));
            api.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody("{\"data\":" + items(2 * k, 2 * k + 2) + ",\"next\":\"p" + (k + 1)
                            + "\",\"more\":" + (k < 2) + ",\"total\":6,\"last\":" + (k == 2) + "}")));
        }
    }

    @Test
    void stopsWhenAHasMoreFlagIsFalse() {
        endlessCursorPages(5);
        assertThat(numbers(cursorApi().stopWhen(StopCondition.whenFalse("/more")).build())).isEqualTo(range(0, 6));
        api.verify(3, getRequestedFor(urlPathEqualTo("/c")));
    }

    @Test
    void stopsWhenALastFlagIsTrue() {
        endlessCursorPages(5);
        assertThat(numbers(cursorApi().stopWhen(StopCondition.whenTrue("/last")).build())).isEqualTo(range(0, 6));
    }

    @Test
    void stopsAtTheTotalCount() {
        endlessCursorPages(5);
        assertThat(numbers(cursorApi().stopWhen(StopCondition.totalCount("/total")).build())).isEqualTo(range(0, 6));
        api.verify(3, getRequestedFor(urlPathEqualTo("/c")));
    }

    @Test
    void stopsAfterMaxPages() {
        endlessCursorPages(5);
        assertThat(numbers(cursorApi().stopWhen(StopCondition.maxPages(2)).build())).isEqualTo(range(0, 4));
        api.verify(2, getRequestedFor(urlPathEqualTo("/c")));
    }

    @Test
    void deliversExactlyMaxRecordsAndStopsRequesting() {
        endlessCursorPages(5);
        assertThat(numbers(cursorApi().maxRecords(5).build())).isEqualTo(range(0, 5));
        api.verify(3, getRequestedFor(urlPathEqualTo("/c")));
    }

    @Test
    void stopsOnAnEmptyPageOnlyWhenAsked() {
        api.stubFor(get(urlPathEqualTo("/c")).withQueryParam("cursor", absent()).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"data\":" + items(0, 2) + ",\"next\":\"a\"}")));
        api.stubFor(get(urlPathEqualTo("/c")).withQueryParam("cursor", equalTo("a")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"data\":[],\"next\":\"b\"}")));
        api.stubFor(get(urlPathEqualTo("/c")).withQueryParam("cursor", equalTo("b")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"data\":" + items(2, 3) + ",\"next\":null}")));

        // A cursor API may return an empty page mid-stream: by default paging goes on.
        assertThat(numbers(cursorApi().build())).isEqualTo(range(0, 3));
        assertThat(numbers(cursorApi().stopWhen(StopCondition.emptyPage()).build())).isEqualTo(range(0, 2));
    }

    @Test
    void aShortPageEndsOnlyWhenAsked() {
        api.stubFor(get(urlPathEqualTo("/c")).withQueryParam("cursor", absent()).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"data\":" + items(0, 3) + ",\"next\":\"a\"}")));
        api.stubFor(get(urlPathEqualTo("/c")).withQueryParam("cursor", equalTo("a")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"data\":" + items(3, 4) + ",\"next\":\"b\"}")));
        api.stubFor(get(urlPathEqualTo("/c")).withQueryParam("cursor", equalTo("b")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"data\":" + items(4, 7) + ",\"next\":null}")));

        assertThat(numbers(cursorApi().build())).isEqualTo(range(0, 7));
        assertThat(numbers(cursorApi().stopWhen(StopCondition.shortPage(3)).build())).isEqualTo(range(0, 4));
    }

    @Test
    void aRepeatedCursorIsAPaginationErrorNotAnEndlessLoop() {
        api.stubFor(get(urlPathEqualTo("/c")).withQueryParam("cursor", absent()).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"data\":" + items(0, 2) + ",\"next\":\"x\"}")));
        api.stubFor(get(urlPathEqualTo("/c")).withQueryParam("cursor", equalTo("x")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"data\":" + items(2, 4) + ",\"next\":\"x\"}")));
        Connector<JsonNode> connector = cursorApi().build();

        List<Integer> delivered = new java.util.ArrayList<>();
        assertThatThrownBy(() -> {
            try (Stream<JsonNode> records = connector.records()) {
                records.forEach(r -> delivered.add(r.get("n").asInt()));
            }
        }).isInstanceOf(PaginationException.class).hasMessageContaining("loop");
        assertThat(delivered).isEqualTo(range(0, 4));
        api.verify(2, getRequestedFor(urlPathEqualTo("/c")));
    }

    @Test
    void aCycleThroughSeveralPagesIsCaught() {
        api.stubFor(get(urlPathEqualTo("/c")).withQueryParam("cursor", absent()).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"data\":" + items(0, 1) + ",\"next\":\"a\"}")));
        api.stubFor(get(urlPathEqualTo("/c")).withQueryParam("cursor", equalTo("a")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"data\":" + items(1, 2) + ",\"next\":\"b\"}")));
        api.stubFor(get(urlPathEqualTo("/c")).withQueryParam("cursor", equalTo("b")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"data\":" + items(2, 3) + ",\"next\":\"a\"}")));

        PaginationException e = org.junit.jupiter.api.Assertions.assertThrows(PaginationException.class,
                () -> numbers(cursorApi().build()));
        assertThat(e.getMessage()).contains("repeats a page already requested").contains("connector 'safety'");
        assertThat(e.resumePosition()).hasValueSatisfying(p -> assertThat(p.token()).contains("a"));
        api.verify(3, getRequestedFor(urlPathEqualTo("/c")));
    }

    @Test
    void aNextLinkToAnotherOriginIsRefusedUnlessAllowed() {
        elsewhere.stubFor(get(urlPathEqualTo("/p2")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(items(2, 4))));
        api.stubFor(get(urlPathEqualTo("/p1")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withHeader("Link", "<" + elsewhere.baseUrl() + "/p2?token=secret123>; rel=\"next\"")
                .withBody(items(0, 2))));
        RestConnector.Builder builder = RestConnector.builder("origin").baseUrl(api.baseUrl()).path("/p1")
                .paginator(Paginators.linkHeader());

        PaginationException refused = org.junit.jupiter.api.Assertions.assertThrows(PaginationException.class,
                () -> numbers(builder.build()));
        assertThat(refused.getMessage()).contains("another origin").contains("allowOrigin")
                .doesNotContain("secret123");
        elsewhere.verify(0, getRequestedFor(urlPathEqualTo("/p2")));

        assertThat(numbers(builder.allowOrigin(elsewhere.baseUrl()).build())).isEqualTo(range(0, 4));
    }

    @Test
    void theFailedPositionResumesWhereThePageFailed() {
        endlessCursorPages(5);
        Connector<JsonNode> limited = cursorApi().stopWhen(StopCondition.whenFalse("/more")).build();
        List<Page> pages = limited.pages().map(p -> new Page(p.position(), p.records().size())).toList();
        assertThat(pages).extracting(Page::size).containsExactly(2, 2, 2);
        assertThat(pages.get(2).position().token()).contains("p2");
        assertThat(pages.get(2).position().recordsBefore()).isEqualTo(4);
        assertThat(limited.lastReport()).hasValueSatisfying(r -> {
            assertThat(r.completed()).isTrue();
            assertThat(r.pages()).isEqualTo(3);
            assertThat(r.valid()).isEqualTo(6);
        });
    }

    private record Page(Position position, int size) {
    }
}
