package dev.inlet.rest.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.state.InMemoryStateStore;
import dev.inlet.core.state.IncrementalSync;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.InletFake;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** "My incremental sync picks up updated records", as a user writes it. */
class IncrementalSyncTest {

    @InletFake
    FakeApi api; // the default fake: 100 records, offset paging

    @Test
    void myIncrementalSyncPicksUpUpdatedRecords() {
        Map<String, JsonNode> database = new HashMap<>();
        IncrementalSync<JsonNode> sync = IncrementalSync.<JsonNode>builder("items")
                .store(new InMemoryStateStore()).cursorField("/updated_at").primaryKey("/id")
                .connector(since -> RestConnector.builder("items").baseUrl(api.baseUrl()).path(api.path())
                        .query("updated_since", since.orElse("1970-01-01T00:00:00Z")).records("/data")
                        .paginator(Paginators.offset("offset", "limit", 20)).build())
                .build();
        sync.run(r -> database.put(r.get("id").asString(), r));

        api.records().update("rec-0007", Map.of("name", "Renamed"));
        api.clearRequests();
        sync.run(r -> database.put(r.get("id").asString(), r));

        assertThat(database).hasSize(100);
        assertThat(database.get("rec-0007").get("name").asString()).isEqualTo("Renamed");
        assertThat(api.requests()).allMatch(r -> !r.query().get("updated_since").startsWith("1970"));
    }
}
