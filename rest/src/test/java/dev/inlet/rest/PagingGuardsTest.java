package dev.inlet.rest;

import static dev.inlet.rest.Items.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.inlet.core.Connector;
import dev.inlet.core.Page;
import dev.inlet.core.error.PaginationException;
import dev.inlet.rest.PagingFake.Reply;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.testkit.FakeApi;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The paging guards against servers that page forever: endless empty pages, a page served again and
 * again. Without the guards these runs never end: the timeout makes that a failure.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PagingGuardsTest {

    private PagingFake fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    /** Every page empty, every page naming a fresh next page (a next URL carrying an API key). */
    private Connector<JsonNode> endlessEmptyPages(RestConnector.Builder builder) {
        fake = new PagingFake(q -> {
            int n = Integer.parseInt(q.getOrDefault("cursor", "0"));
            return Reply.json("{\"data\":[],\"next\":\"/items?api_key=sk_live_secret&cursor=" + (n + 1) + "\"}");
        });
        return builder.baseUrl(fake.baseUrl()).path("/items").records("/data").paginator(Paginators.nextUrl("/next"))
                .build();
    }

    /** A server that ignores the offset and returns the same three records for every page. */
    private Connector<JsonNode> offsetIgnored(RestConnector.Builder builder) {
        fake = new PagingFake(q -> Reply.json("{\"data\":" + items(0, 3) + "}"));
        return builder.baseUrl(fake.baseUrl()).path("/items").records("/data")
                .paginator(Paginators.offset("offset", "limit", 3)).build();
    }

    @Test
    void emptyPagesWithFreshCursorsForeverFailAfterTenByDefault() {
        Connector<JsonNode> connector = endlessEmptyPages(RestConnector.builder("empty"));

        PaginationException e = assertThrows(PaginationException.class, () -> connector.records().count());

        assertThat(fake.requests()).hasSize(10);
        assertThat(e.getMessage()).contains("Empty-pages guard").contains("10 pages in a row")
                .contains("page 1 to page 10").contains("maxEmptyPagesInARow").contains("connector 'empty'")
                .doesNotContain("sk_live_secret");
        assertThat(connector.lastReport().orElseThrow().completed()).isFalse();
    }

    @Test
    void theEmptyPageLimitCanBeRaised() {
        Connector<JsonNode> connector = endlessEmptyPages(RestConnector.builder("scan").maxEmptyPagesInARow(25));

        assertThrows(PaginationException.class, () -> connector.records().count());

        assertThat(fake.requests()).hasSize(25);
    }

    @Test
    void aServerIgnoringTheOffsetFailsOnTheSecondPageInsteadOfRepeatingItForever() {
        Connector<JsonNode> connector = offsetIgnored(RestConnector.builder("ignored"));
        List<String> delivered = new ArrayList<>();

        PaginationException e = assertThrows(PaginationException.class, () -> {
            try (Stream<JsonNode> records = connector.records()) {
                records.forEach(r -> delivered.add(r.get("id").asString()));
            }
        });

        assertThat(fake.requests()).hasSize(2);
        assertThat(e.getMessage()).contains("Repeated-page guard").contains("page 2 (3)")
                .contains("the same 3 records (the same first and last) as page 1").contains("allowRepeatedPages(true)");
        // The second page starts like the first: it is read ahead and refused before any record is handed on.
        assertThat(delivered).containsExactly("r0", "r1", "r2");
        assertThat(e.resumePosition()).hasValueSatisfying(p -> assertThat(p.describe()).isEqualTo("page 2 (3)"));
    }

    @Test
    void readAsPagesTheRepeatedPageIsNeverHandedOn() {
        Connector<JsonNode> connector = offsetIgnored(RestConnector.builder("ignored"));
        List<Page<JsonNode>> pages = new ArrayList<>();

        assertThrows(PaginationException.class, () -> {
            try (Stream<Page<JsonNode>> stream = connector.pages()) {
                stream.forEach(pages::add);
            }
        });

        assertThat(pages).hasSize(1);
    }

    @Test
    void repeatedPagesCanBeAllowed() {
        Connector<JsonNode> connector = offsetIgnored(RestConnector.builder("constant").allowRepeatedPages(true)
                .maxRecords(9));

        assertThat(connector.records().count()).isEqualTo(9);
    }

    @Test
    void pagesThatDifferAreNotRepeatsEvenWithTheSameSize() {
        try (FakeApi fine = FakeApi.builder().path("/items").records(Items.numbered(9)).start()) {
            Connector<JsonNode> connector = RestConnector.builder("fine").baseUrl(fine.baseUrl()).path(fine.path())
                    .records("/data").paginator(Paginators.offset("offset", "limit", 3)).build();

            assertThat(connector.records().count()).isEqualTo(9);
            assertThat(fine.requests()).hasSize(4);
        }
    }

    /** Bound straight to a type (no trees): a record hashes by its own hashCode(). */
    record Item(String id, int n) {
    }

    /** A class without hashCode(): hashed by its JSON form. */
    public static final class Plain {
        public String id;
        public int n;
    }

    @Test
    void typedRecordsBoundWithoutTreesAreGuardedToo() {
        fake = new PagingFake(q -> Reply.json("{\"data\":" + items(0, 3) + "}"));
        RestConnector.Builder builder = RestConnector.builder("typed").baseUrl(fake.baseUrl()).path("/items")
                .records("/data").paginator(Paginators.offset("offset", "limit", 3));
        Connector<Item> items = builder.build(Item.class);
        Connector<Plain> plain = builder.build(Plain.class);

        assertThrows(PaginationException.class, () -> items.records().count());
        assertThrows(PaginationException.class, () -> plain.records().count());
        assertThat(fake.requests()).hasSize(4);
    }

    @Test
    void aPageThatOnlyStartsLikeTheOneBeforeIsReadAheadAndHandedOnWhole() {
        fake = new PagingFake(q -> {
            int offset = Integer.parseInt(q.get("offset"));
            // Page 2 starts with page 1's first record (an insert shifted it) but goes on differently.
            return Reply.json("{\"data\":" + (offset == 0 ? items(0, 3) : offset == 3 ? "[" + items(0, 1)
                    .replace("[", "").replace("]", "") + "," + items(3, 5).substring(1) : "[]") + "}");
        });
        Connector<JsonNode> connector = RestConnector.builder("shifted").baseUrl(fake.baseUrl()).path("/items")
                .records("/data").paginator(Paginators.offset("offset", "limit", 3)).build();

        try (Stream<JsonNode> records = connector.records()) {
            assertThat(records.map(r -> r.get("id").asString())).containsExactly("r0", "r1", "r2", "r0", "r3", "r4");
        }
    }
}
