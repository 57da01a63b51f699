package dev.inlet.rest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginator;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Fault;
import dev.inlet.testkit.FaultPlan;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every paging style of the fake, read by the Inlet paginator its Javadoc names. */
class FakeApiPagingTest {

    static Stream<Arguments> styles() {
        return Stream.of(
                Arguments.of(Paging.offset(), Paginators.offset("offset", "limit", 10)),
                Arguments.of(Paging.pageNumber(), Paginators.pageNumber("page", 1, "per_page", 10)),
                Arguments.of(Paging.bodyCursor(), Paginators.bodyCursor("after", "/paging/next/after")),
                Arguments.of(Paging.lastRecordId(), Paginators.stripe()),
                Arguments.of(Paging.headerCursor(), Paginators.headerCursor("X-Next-Cursor", "cursor")),
                Arguments.of(Paging.linkHeader(), Paginators.linkHeader()),
                Arguments.of(Paging.nextUrl(), Paginators.nextUrl("/next")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void everyRecordArrivesOnceInOrder(Paging paging, Paginator paginator) {
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(95)).paging(paging).pageSize(10).start()) {
            assertThat(ids(api, paginator)).containsExactlyElementsOf(api.records().ids());
            assertThat(api.requests()).hasSizeBetween(10, 11).allMatch(r -> r.status() == 200);
            api.assertNoUnmatchedRequests();
        }
    }

    @Test
    void boundaryFaultsDuplicateAndDropRecordsAsEventuallyConsistentApisDo() {
        FaultPlan plan = FaultPlan.builder().every(2, Fault.duplicateBoundaryRecord())
                .every(3, Fault.missingBoundaryRecord()).build();
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(40)).paging(Paging.pageNumber())
                .faults(plan).start()) {
            List<String> ids = ids(api, Paginators.pageNumber("page", 1, "per_page", 10));
            // requests 1 and 3 (pages 2 and 4) repeat rec-0010 and rec-0030; request 2 leaves out rec-0021
            assertThat(ids).filteredOn("rec-0010"::equals).hasSize(2);
            assertThat(ids).filteredOn("rec-0030"::equals).hasSize(2);
            assertThat(ids).doesNotContain("rec-0021").hasSize(41);
        }
    }

    @Test
    void theSizeParameterIsCapped() {
        // A forged cursor's 400 is testkit's FakeApiCursorTest, on the wire.
        try (FakeApi api = FakeApi.builder().paging(Paging.bodyCursor()).maxPageSize(5).start()) {
            assertThat(ids(api, Paginators.bodyCursor("after", "/paging/next/after"))).hasSize(100);
            assertThat(api.requests()).hasSize(20);
        }
    }

    @Test
    void bareArrayPagesAreReadAtTheRoot() {
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(7)).paging(Paging.linkHeader()).arrayBody()
                .start()) {
            List<String> ids;
            try (Stream<JsonNode> records = RestConnector.builder("items").baseUrl(api.baseUrl()).path(api.path())
                    .query("per_page", "3").paginator(Paginators.linkHeader()).build().records()) {
                ids = records.map(r -> r.get("id").asString()).toList();
            }
            assertThat(ids).isEqualTo(api.records().ids());
            assertThat(api.requests()).hasSize(3).allMatch(r -> r.status() == 200);
        }
    }

    static List<String> ids(FakeApi api, Paginator paginator) {
        Connector<JsonNode> connector = RestConnector.builder("fake").baseUrl(api.baseUrl()).path(api.path())
                .records("/data").paginator(paginator).build();
        try (Stream<JsonNode> records = connector.records()) {
            return records.map(r -> r.get("id").asString()).toList();
        }
    }
}
