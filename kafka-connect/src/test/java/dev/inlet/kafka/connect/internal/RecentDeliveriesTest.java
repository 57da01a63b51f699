package dev.inlet.kafka.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The window of committed delivery ids kept in a source offset. */
class RecentDeliveriesTest {

    @Test
    void theWindowIsBoundedPerEndpointAndRoundTripsThroughTheOffset() {
        RecentDeliveries recent = new RecentDeliveries(3);
        recent.add("/a", "a1");
        recent.add("/b", "b1");
        recent.add("/a", "a2");
        recent.add("/a", "a3");
        String joined = recent.add("/a", "a4");
        assertThat(RecentDeliveries.fromOffset(Map.of(RecentDeliveries.OFFSET_KEY, joined)))
                .containsExactly("a2", "a3", "a4");
        assertThat(RecentDeliveries.fromOffset(Map.of(RecentDeliveries.OFFSET_KEY, recent.add("/b", null))))
                .containsExactly("b1");
    }

    @Test
    void idsThatCannotBeJoinedAreNotRememberedAndOddOffsetsGiveNone() {
        RecentDeliveries recent = new RecentDeliveries(10);
        recent.restore("/a", List.of("x1", "x2"));
        String joined = recent.add("/a", "bad\nid");
        assertThat(RecentDeliveries.fromOffset(Map.of(RecentDeliveries.OFFSET_KEY, joined))).containsExactly("x1", "x2");
        assertThat(RecentDeliveries.fromOffset(null)).isEmpty();
        assertThat(RecentDeliveries.fromOffset(Map.of("received", 5L))).isEmpty();
        assertThat(RecentDeliveries.fromOffset(Map.of(RecentDeliveries.OFFSET_KEY, 7L))).isEmpty();
        assertThat(new RecentDeliveries(0).add("/a", "x")).isEmpty();
    }
}
