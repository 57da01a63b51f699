package dev.inlet.rest;

import static dev.inlet.rest.Items.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.inlet.core.Connector;
import dev.inlet.core.error.PaginationException;
import dev.inlet.core.RunWarning;
import dev.inlet.core.testing.RecordingListener;
import dev.inlet.rest.PagingFake.Reply;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.rest.paginate.StopCondition;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A paging field that is absent is not an end marker: a misspelt pointer fails loudly instead of
 * stopping after page 1; an API that omits the field on its last page says so. And a connector
 * without a paginator warns when a response says more pages follow.
 */
class PagingFieldsTest {

    private PagingFake fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    /** Three pages of two records, cursor in {@code next_cursor} (null on the last page), {@code has_more}. */
    private RestConnector.Builder snakeCaseApi(String name) {
        fake = new PagingFake(q -> {
            int page = Integer.parseInt(q.getOrDefault("cursor", "0"));
            String next = page < 2 ? "\"" + (page + 1) + "\"" : "null";
            return Reply.json("{\"data\":" + items(2 * page, 2 * page + 2) + ",\"next_cursor\":" + next
                    + ",\"has_more\":" + (page < 2) + ",\"total\":6}");
        });
        return RestConnector.builder(name).baseUrl(fake.baseUrl()).path("/items").records("/data");
    }

    @Test
    void aMisspeltCursorPointerFailsNamingTheFieldsPresentInsteadOfStoppingAfterPageOne() {
        Connector<JsonNode> connector = snakeCaseApi("typo").paginator(Paginators.bodyCursor("cursor", "/nextCursor"))
                .build();

        PaginationException e = assertThrows(PaginationException.class, () -> connector.records().count());

        assertThat(e.getMessage()).contains("has no /nextCursor").contains("fields present: /next_cursor, /has_more, /total")
                .contains("Did you mean /next_cursor?").contains("page 1").contains("absentMeansEnd()")
                .contains("connector 'typo'");
        assertThat(connector.lastReport().orElseThrow().completed()).isFalse();
    }

    @Test
    void theRightPointerReadsEveryPageAndANullCursorEnds() {
        Connector<JsonNode> connector = snakeCaseApi("right").paginator(Paginators.bodyCursor("cursor", "/next_cursor"))
                .build();

        assertThat(connector.records().count()).isEqualTo(6);
    }

    @Test
    void stopConditionsAndHasMoreFlagsAreCheckedTheSameWay() {
        Connector<JsonNode> flag = snakeCaseApi("flag").paginator(Paginators.bodyCursor("cursor", "/next_cursor"))
                .stopWhen(StopCondition.whenFalse("/hasMore")).build();
        assertThat(assertThrows(PaginationException.class, () -> flag.records().count()).getMessage())
                .contains("has no /hasMore (the flag of stopWhen(whenFalse))").contains("Did you mean /has_more?");

        Connector<JsonNode> total = snakeCaseApi("total").paginator(Paginators.bodyCursor("cursor", "/next_cursor"))
                .stopWhen(StopCondition.totalCount("/total_count")).build();
        assertThat(assertThrows(PaginationException.class, () -> total.records().count()).getMessage())
                .contains("has no /total_count").contains("Did you mean /total?");

        Connector<JsonNode> stripe = snakeCaseApi("stripe").paginator(Paginators.lastRecordCursor("cursor", "/id",
                "/more")).build();
        assertThat(assertThrows(PaginationException.class, () -> stripe.records().count()).getMessage())
                .contains("has no /more (the has-more flag of");
    }

    @Test
    void anApiThatOmitsTheCursorOnItsLastPageSaysSoWithAbsentMeansEnd() {
        fake = new PagingFake(q -> {
            int page = Integer.parseInt(q.getOrDefault("after", "0"));
            return Reply.json("{\"results\":" + items(2 * page, 2 * page + 2)
                    + (page < 2 ? ",\"paging\":{\"next\":{\"after\":\"" + (page + 1) + "\"}}" : "") + "}");
        });
        RestConnector.Builder builder = RestConnector.builder("hubspot").baseUrl(fake.baseUrl()).path("/contacts")
                .records("/results").paginator(Paginators.bodyCursor("after", "/paging/next/after"));

        assertThat(assertThrows(PaginationException.class, () -> builder.build().records().count()).getMessage())
                .contains("page 3").contains("has no /paging/next/after").contains("none besides the records");
        assertThat(builder.absentMeansEnd().build().records().count()).isEqualTo(6);
    }

    @Test
    void aConnectorWithoutAPaginatorWarnsOnceWhenTheResponseSaysMorePagesFollow() {
        fake = new PagingFake(q -> new Reply("{\"data\":" + items(0, 2) + ",\"has_more\":true}",
                Map.of("Link", "<" + "http://127.0.0.1/items?page=2>; rel=\"next\"")));
        RecordingListener listener = new RecordingListener();
        Connector<JsonNode> connector = RestConnector.builder("unpaged").baseUrl(fake.baseUrl()).path("/items")
                .records("/data").listener(listener).build();

        assertThat(connector.records().count()).isEqualTo(2);
        assertThat(connector.records().count()).isEqualTo(2);

        assertThat(listener.of(RunWarning.class)).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(RunWarning.UNFOLLOWED_PAGING);
            assertThat(w.connector()).isEqualTo("unpaged");
            assertThat(w.message()).contains("no paginator").contains("Link header with rel=\"next\"")
                    .contains("paginator(");
        });
        assertThat(listener.of(dev.inlet.core.RunReport.class)).extracting(dev.inlet.core.RunReport::warningCount)
                .containsExactly(1, 0);
    }

    @Test
    void aSinglePageWithoutPagingSignalsDoesNotWarn() {
        fake = new PagingFake(q -> Reply.json("{\"data\":" + items(0, 2) + ",\"has_more\":false,\"next\":null}"));
        RecordingListener listener = new RecordingListener();
        Connector<JsonNode> connector = RestConnector.builder("single").baseUrl(fake.baseUrl()).path("/items")
                .records("/data").listener(listener).build();

        assertThat(connector.records().count()).isEqualTo(2);
        assertThat(listener.of(RunWarning.class)).isEmpty();
    }
}
