package dev.inlet.kafka.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Position;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceOffsetsTest {

    @Test
    void anOffsetIsTheVersionedPositionAndReadsBack() {
        Position position = Position.start().next("cursor-2", 50).withSkip(3);

        Map<String, Object> offset = SourceOffsets.at(position);

        assertThat(offset).containsEntry("inlet", 1).containsEntry("position", position.asString())
                .doesNotContainKey("done");
        assertThat(SourceOffsets.read(offset)).isEqualTo(new SourceOffsets.Resume(position, false));
        assertThat(SourceOffsets.read(SourceOffsets.done(position))).isEqualTo(new SourceOffsets.Resume(position, true));
        assertThat(SourceOffsets.read(null)).isEqualTo(SourceOffsets.Resume.fromStart());
        Position next = Position.startingAt("sync-9");
        assertThat(SourceOffsets.continuing(next)).containsEntry("done", true).containsEntry("continue", true);
        assertThat(SourceOffsets.read(SourceOffsets.continuing(next)))
                .isEqualTo(new SourceOffsets.Resume(next, true, true));
    }

    @Test
    void offsetsAsConnectStoresThemReadBack() {
        // Connect's JSON converter hands numbers back as Long.
        Map<String, Object> stored = new HashMap<>();
        stored.put("inlet", 1L);
        stored.put("position", "{\"v\":1,\"token\":\"p3\",\"page\":3}");
        stored.put("done", false);

        assertThat(SourceOffsets.read(stored).position().token()).contains("p3");
    }

    @Test
    void aWrongOffsetSaysWhatIsWrongAndWhatIsExpected() {
        assertThatThrownBy(() -> SourceOffsets.read(Map.of("position", "{\"v\":1}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"inlet\": 1");
        assertThatThrownBy(() -> SourceOffsets.read(Map.of("inlet", 2, "position", "{\"v\":1}")))
                .hasMessageContaining("was 2");
        assertThatThrownBy(() -> SourceOffsets.read(Map.of("inlet", 1, "position", 7)))
                .hasMessageContaining("saved Inlet position");
        assertThatThrownBy(() -> SourceOffsets.read(Map.of("inlet", 1, "position", "page 3")))
                .hasMessageContaining("not a saved Inlet position");
        assertThatThrownBy(() -> SourceOffsets.read(Map.of("inlet", 1, "position", "{\"v\":1}", "done", "yes")))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> SourceOffsets.read(Map.of("inlet", 1, "position", "{\"v\":1}", "cursor", "x")))
                .hasMessageContaining("unknown field \"cursor\"");
        assertThatThrownBy(() -> SourceOffsets.read(Map.of("inlet", 1, "position", "{\"v\":1}", "continue", true)))
                .as("a stream that is not done cannot continue").hasMessageContaining("with \"done\": true");
    }

    @Test
    void aPartitionIsConnectorStreamAndTenantOfThisConnector() {
        Map<String, String> partition = SourceOffsets.partition("sync", "orders", "shop-1");

        SourceOffsets.checkPartition(partition, "sync");
        assertThat(SourceOffsets.streamOf(partition)).isEqualTo("orders");
        assertThat(SourceOffsets.tenantOf(partition)).isEqualTo("shop-1");
        assertThatThrownBy(() -> SourceOffsets.checkPartition(partition, "other"))
                .hasMessageContaining("not this connector 'other'");
        assertThatThrownBy(() -> SourceOffsets.checkPartition(Map.of("connector", "sync", "stream", "orders"), "sync"))
                .hasMessageContaining("\"tenant\"");
        Map<String, Object> extra = new HashMap<>(partition);
        extra.put("shard", "1");
        assertThatThrownBy(() -> SourceOffsets.checkPartition(extra, "sync")).hasMessageContaining("exactly");
    }

    @Test
    void aPartitionIteratesAsTheHashMapConnectReadsItBackAs() {
        // Connect keys offsets by the JSON of the partition map in iteration order and reads partitions
        // back as HashMaps; a partition iterating otherwise would never find its offset again.
        Map<String, String> partition = SourceOffsets.partition("sync", "orders", "shop-1");
        Map<String, String> readBack = new HashMap<>();
        readBack.put("tenant", "shop-1");
        readBack.put("stream", "orders");
        readBack.put("connector", "sync");

        assertThat(List.copyOf(partition.keySet())).isEqualTo(List.copyOf(readBack.keySet()));
    }
}
