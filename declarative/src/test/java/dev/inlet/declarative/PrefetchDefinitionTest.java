package dev.inlet.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.PageSource;
import dev.inlet.core.PrefetchingSource;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How many pages a definition's stream keeps in flight: {@code prefetch:} when the stream says, else chosen
 * from the definition's {@code rate_limit} when it states a fixed rate (requests per second × 250 ms + 1,
 * between 2 and 8), else one request at a time.
 */
class PrefetchDefinitionTest {

    /** One name per definition: a definition's limiter is shared by name and origin across the process. */
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static Definition definition(String rateLimit, String streamExtra) {
        return RestStreamTest.yaml("""
                inlet: 1
                name: acme-%d
                base_url: https://api.acme.test
                """.formatted(NAMES.incrementAndGet()) + rateLimit + """
                streams:
                  items:
                    path: /items
                    records: /data
                    primary_key: /id
                    paginator:
                      type: offset
                      size: 10
                """ + streamExtra.indent(4));
    }

    private static PageSource source(Definition definition) {
        return definition.bind(Binding.builder().baseUrlOverride("http://127.0.0.1:9").build()).connector("items")
                .source();
    }

    private static int depth(Definition definition) {
        PageSource source = source(definition);
        return source instanceof PrefetchingSource prefetching ? prefetching.depth() : 1;
    }

    @Test
    void theDefaultFollowsTheStatedRateBetweenTwoAndEight() {
        assertThat(depth(definition("rate_limit: {requests: 10, per: 1s}\n", ""))).isEqualTo(4); // 2.5 + 1
        assertThat(depth(definition("rate_limit: {requests: 1, per: 1s}\n", ""))).isEqualTo(2); // 1.25 → at least 2
        assertThat(depth(definition("rate_limit: {requests: 600, per: 1m}\n", ""))).isEqualTo(4); // 10/s as well
        assertThat(depth(definition("rate_limit: {requests: 100, per: 1s}\n", ""))).isEqualTo(8); // 26 → at most 8
    }

    @Test
    void withoutAFixedRateTheStreamAsksOnePageAtATime() {
        assertThat(source(definition("", ""))).isNotInstanceOf(PrefetchingSource.class);
        assertThat(source(definition("rate_limit: {adaptive: true}\n", ""))).isNotInstanceOf(PrefetchingSource.class);
    }

    @Test
    void theStreamsOwnPrefetchWinsEitherWay() {
        assertThat(source(definition("rate_limit: {requests: 10, per: 1s}\n", "prefetch: 1")))
                .isNotInstanceOf(PrefetchingSource.class);
        assertThat(depth(definition("", "prefetch: 12"))).isEqualTo(12);
    }

    @Test
    void aPrefetchingStreamStillReadsEveryRecordOnceInOrderUnderItsLimit() {
        Definition definition = definition("rate_limit: {requests: 50, per: 1s}\n", "");
        try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(45)).paging(Paging.offset())
                .start()) {
            BoundDefinition bound = definition.bind(Binding.builder().baseUrlOverride(api.baseUrl()).build());
            assertThat(depth(definition)).isEqualTo(8);
            List<String> ids = RestStreamTest.ids(bound.connector("items").records());
            assertThat(ids).hasSize(45).doesNotHaveDuplicates().startsWith("rec-0001").endsWith("rec-0045")
                    .isSorted();
            // every page a sequential run asks for (4 full, 1 short, 1 empty), and at most a depth's worth more:
            // pages requested ahead past the end, which the run cancels or discards (how many reach the server
            // depends on timing, so only the bound is checked; that prefetch is on is the depth above)
            assertThat(api.requests().size()).isBetween(6, 6 + 8);
        }
    }

    @Test
    void aPrefetchOutOfRangeOrOnAGraphQlStreamIsRefusedWhereItIsWritten() {
        DefinitionException zero = LoadErrorsTest.stream("path: /v1/charges\nprefetch: 0");
        LoadErrorsTest.at(zero, 7, 15, "streams.charges.prefetch");
        assertThat(zero.getMessage()).contains("prefetch 0 is out of range");
        assertThat(LoadErrorsTest.stream("path: /v1/charges\nprefetch: 65").getMessage())
                .contains("prefetch 65 is out of range").contains("1 (one request at a time) to 64");
        assertThat(LoadErrorsTest.stream("graphql:\n  query: '{ a }'\n  connection: a\nprefetch: 2").getMessage())
                .contains("no prefetch on a GraphQL stream");
    }
}
