package dev.inlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code arrayBody()}: GitHub's bare-array pages, paged by the {@code Link} header. */
class FakeApiArrayBodyTest {

    @Test
    void pagesAreBareArraysPagedByTheLinkHeader() throws Exception {
        // Inlet's paginator reading them at the root: inlet-rest's FakeApiPagingTest.
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(7)).paging(Paging.linkHeader()).arrayBody()
                .start()) {
            var first = Http.get(api, "/records?per_page=3");
            assertThat(first.body()).startsWith("[{\"id\":\"rec-0001\"").endsWith("}]").doesNotContain("\"total\"");
            assertThat(first.headers().firstValue("Link").orElseThrow()).contains("rel=\"next\"");
        }
    }

    @Test
    void anEmptyPageIsAnEmptyArray() throws Exception {
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(2)).arrayBody().start()) {
            assertThat(Http.get(api, "/records?offset=5").body()).isEqualTo("[]");
        }
    }

    @Test
    void aStyleThatPagesInTheBodyIsRefused() {
        assertThatThrownBy(() -> FakeApi.builder().paging(Paging.lastRecordId()).arrayBody().start())
                .isInstanceOf(FakeApiConfigException.class).hasMessageContaining("arrayBody() with Paging.LAST_RECORD_ID");
    }
}
