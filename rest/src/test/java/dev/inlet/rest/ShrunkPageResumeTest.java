package dev.inlet.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.Position;
import dev.inlet.core.RunWarning;
import dev.inlet.core.state.Checkpointing;
import dev.inlet.core.state.ConnectorState;
import dev.inlet.core.state.InMemoryStateStore;
import dev.inlet.core.state.SyncReport;
import dev.inlet.core.testing.RecordingListener;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A saved position whose skip exceeds what its page holds now (the page shrank, or the state was
 * edited) must not end the run: paging goes on after the records the page holds, with a warning.
 */
class ShrunkPageResumeTest {

    private FakeApi fake;

    /** 30 records, offset paging in pages of 10. */
    @BeforeEach
    void start() {
        fake = FakeApi.builder().path("/items").records(Items.numbered(30)).paging(Paging.offset()).start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Connector<JsonNode> connector(RecordingListener listener) {
        return RestConnector.builder("items").baseUrl(fake.baseUrl()).path(fake.path()).records("/data")
                .paginator(Paginators.offset("offset", "limit", 10)).listener(listener).build();
    }

    @Test
    void aSkipBeyondThePageContinuesWithTheNextPageAndNeverMarksTheStateComplete() {
        RecordingListener listener = new RecordingListener();
        InMemoryStateStore store = new InMemoryStateStore();
        // Page 2 (offset 10) holds 10 records; the saved position claims 25 of them were delivered.
        Position saved = Position.parse("{\"v\":1,\"token\":\"10\",\"page\":1,\"before\":10,\"skip\":25}");
        store.save("items", ConnectorState.empty().withPosition(saved, false));
        List<String> delivered = new ArrayList<>();

        SyncReport report = Checkpointing.builder(connector(listener), store).build()
                .run(r -> delivered.add(r.get("id").asString()));

        assertThat(delivered).as("the page after the shrunk one is fetched, not skipped")
                .containsExactly("r20", "r21", "r22", "r23", "r24", "r25", "r26", "r27", "r28", "r29");
        assertThat(fake.requests()).extracting(RecordedRequest::query).containsExactly(
                Map.of("offset", "10", "limit", "10"), Map.of("offset", "20", "limit", "10"),
                Map.of("offset", "30", "limit", "10"));
        assertThat(listener.of(RunWarning.class)).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(RunWarning.SKIP_BEYOND_PAGE);
            assertThat(w.message()).contains("page 2 (10)").contains("now holds 10 records")
                    .contains("had delivered 25");
        });
        assertThat(report.run().warningCount()).isEqualTo(1);
        assertThat(report.run().completed()).isTrue();
    }

    @Test
    void aPageThatShrankToNothingEndsOnlyWhereThePaginatorEnds() {
        RecordingListener listener = new RecordingListener();
        // Offset 30 is past the end now; a run resumed there reads that one empty page and ends.
        List<String> delivered = new ArrayList<>();
        connector(listener).records(Position.parse("{\"v\":1,\"token\":\"30\",\"page\":3,\"before\":30,\"skip\":4}"))
                .forEach(r -> delivered.add(r.get("id").asString()));

        assertThat(delivered).isEmpty();
        assertThat(fake.requests()).hasSize(1);
        assertThat(listener.of(RunWarning.class)).extracting(RunWarning::kind)
                .containsExactly(RunWarning.SKIP_BEYOND_PAGE);
    }
}
