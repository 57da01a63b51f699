package dev.inlet.declarative;

import static dev.inlet.declarative.FeaturesTest.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inlet.core.state.InMemoryStateStore;
import dev.inlet.core.state.IncrementalSync;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.RecordSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A window's start given in code (or by the CLI's --since), written the way the stream's API takes it. */
class SinceTest {

    private static final String ITEMS = """
            inlet: 1
            name: acme
            base_url: https://api.acme.test
            streams:
              items:
                path: /items
                records: /data
                primary_key: /id
                paginator: {type: offset, size: 10}
                incremental: {cursor_field: /updated_at, param: PARAM, lookback: 0s, FORMAT}
              plain: {path: /plain, records: /data, paginator: {type: offset, size: 10}}
            """;

    /** ISO windows ask with the fake's own updated_since; the epoch ones with a parameter it ignores. */
    private static Definition definition(String format) {
        return RestStreamTest.yaml(ITEMS.replace("FORMAT", "format: " + format)
                .replace("PARAM", format.equals("iso") ? "updated_since" : "changed_after"));
    }

    @Test
    void aConnectorForAWindowAsksForItInTheCursorsFormat() {
        Instant since = Instant.parse("2026-01-01T00:00:20Z");
        try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(5)).start()) {
            for (String[] c : new String[][] {{"iso", "2026-01-01T00:00:20Z"}, {"epoch_seconds", "1767225620"},
                    {"epoch_millis", "1767225620000"}}) {
                api.clearRequests();
                try (Stream<JsonNode> records = definition(c[0]).bind(local(api).build())
                        .connector("items", since).records()) {
                    records.forEach(r -> assertThat(r.get("id")).isNotNull()); // the request goes when read
                }
                assertThat(api.requests().get(0).query()).as(c[0])
                        .containsEntry(c[0].equals("iso") ? "updated_since" : "changed_after", c[1]);
            }
        }
    }

    @Test
    void anIncrementalSyncStartsItsFirstRunThereAndThenContinuesFromItsCursor() {
        try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(5)).start()) {
            IncrementalSync<JsonNode> sync = definition("iso").bind(local(api).stateStore(new InMemoryStateStore())
                    .build()).incremental("items", Instant.parse("2020-01-01T00:00:00Z"));
            List<JsonNode> first = new ArrayList<>();
            sync.run(first::add);
            assertThat(api.requests().get(0).query()).containsEntry("updated_since", "2020-01-01T00:00:00Z");
            api.clearRequests();
            sync.run(r -> { });
            assertThat(api.requests().get(0).query().get("updated_since")).as("the saved cursor, not the start")
                    .isNotEqualTo("2020-01-01T00:00:00Z").isNotNull();
        }
    }

    @Test
    void aConnectorForACursorSinceAsksForItAndAnEmptyOneForTheDefinitionsStart() {
        Definition withStart = RestStreamTest.yaml(ITEMS.replace("FORMAT", "format: epoch_seconds, start: '1767225600'")
                .replace("PARAM", "changed_after"));
        try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(5)).start()) {
            BoundDefinition bound = withStart.bind(local(api).build());
            for (String[] c : new String[][] {{"1767225642", "1767225642"}, {null, "1767225600"}}) {
                api.clearRequests();
                try (Stream<JsonNode> records = bound.connectorSince("items", java.util.Optional.ofNullable(c[0]))
                        .records()) {
                    assertThat(records.count()).isEqualTo(5); // the fake ignores the parameter
                }
                assertThat(api.requests().get(0).query()).containsEntry("changed_after", c[1]);
            }
            StreamDefinition items = withStart.stream("items").orElseThrow();
            assertThat(items.cursorFormat()).contains(dev.inlet.core.state.CursorFormat.EPOCH_SECONDS);
            assertThat(items.lookback()).contains(java.time.Duration.ZERO);
            assertThat(withStart.stream("plain").orElseThrow().cursorFormat()).isEmpty();
        }
        try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(5)).start()) {
            try (Stream<JsonNode> records = definition("iso").bind(local(api).build())
                    .connectorSince("items", java.util.Optional.empty()).records()) {
                assertThat(records.count()).isEqualTo(5);
            }
            assertThat(api.requests().get(0).query()).as("no start: everything").doesNotContainKey("updated_since");
        }
    }

    @Test
    void aStreamWithoutIncrementalSaysSo() {
        BoundDefinition bound = definition("iso").bind(Binding.defaults());
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> bound.connector("plain", Instant.EPOCH));
        assertThat(e.getMessage()).contains("`plain` is not incremental").contains("incremental:");
        assertThat(catchThrowableOfType(DefinitionException.class,
                () -> bound.connectorSince("plain", java.util.Optional.empty())).getMessage())
                .contains("not incremental");
        assertThat(catchThrowableOfType(DefinitionException.class,
                () -> bound.incremental("plain", Instant.EPOCH)).getMessage()).contains("not incremental");
    }
}
