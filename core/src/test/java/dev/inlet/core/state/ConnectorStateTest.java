package dev.inlet.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Position;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stored form of a connector state is stable, round-trips, and refuses what it is not. */
class ConnectorStateTest {

    private static final Instant T = Instant.parse("2026-03-01T10:15:30Z");

    @Test
    void everyFieldRoundTripsThroughTheStoredForm() {
        ConnectorState state = ConnectorState.empty()
                .withPosition(Position.start().next("https://api.test/items?after=r9&token=secret", 10).withSkip(3),
                        true)
                .withSince(Optional.of("2026-03-01T10:00:00Z")).withCursor(Optional.of("2026-03-01T10:14:00Z"))
                .withRecentKeys(List.of("a", "b@1", "c \"quoted\""))
                .withLastCompletedAt(T.minusSeconds(60)).withUpdatedAt(T).withContinuation(Optional.of("o42"));

        ConnectorState back = ConnectorState.fromJson(state.toJson());

        assertThat(back).isEqualTo(state);
        assertThat(back.position()).hasValueSatisfying(p -> {
            assertThat(p.skip()).isEqualTo(3);
            assertThat(p.recordsBefore()).isEqualTo(10);
        });
        assertThat(back.inDoubt()).isTrue();
        assertThat(back.recentKeys()).containsExactly("a", "b@1", "c \"quoted\"");
        assertThat(back.continuation()).contains("o42");
        assertThat(back).isNotEqualTo(state.withContinuation(Optional.empty()));
        assertThat(back.toString()).contains("continues at a saved token").doesNotContain("o42");
    }

    @Test
    void everyCopyKeepsTheContinuationAndCompletingDoesNotDropIt() {
        ConnectorState state = ConnectorState.empty().withContinuation(Optional.of("o7"))
                .withPosition(Position.startingAt("p1"), true).withSince(Optional.of("s")).withCursor(Optional.of("c"))
                .withRecentKeys(List.of("k")).withLastCompletedAt(T).withUpdatedAt(T).withoutPosition();
        assertThat(state.continuation()).contains("o7");
        assertThat(state.nextRunStart()).as("no unfinished run: the continuation").isEqualTo(Position.startingAt("o7"));
        assertThat(state.withPosition(Position.startingAt("p2"), false).nextRunStart()).as("an unfinished run wins")
                .isEqualTo(Position.startingAt("p2"));
        assertThat(ConnectorState.empty().nextRunStart()).isEqualTo(Position.start());
        assertThat(ConnectorState.fromJson("{\"v\":1}").continuation()).as("states written before it").isEmpty();
    }

    @Test
    void theEmptyStateIsMinimalAndStable() {
        assertThat(ConnectorState.empty().toJson()).isEqualTo("{\"v\":1,\"updatedAt\":\"1970-01-01T00:00:00Z\"}");
        assertThat(ConnectorState.fromJson(ConnectorState.empty().toJson())).isEqualTo(ConnectorState.empty());
    }

    @Test
    void completingClearsTheRunButKeepsTheCursor() {
        ConnectorState running = ConnectorState.empty().withPosition(Position.startingAt("p3"), true)
                .withSince(Optional.of("s")).withCursor(Optional.of("c"));

        ConnectorState done = running.withoutPosition();

        assertThat(done.position()).isEmpty();
        assertThat(done.inDoubt()).isFalse();
        assertThat(done.since()).isEmpty();
        assertThat(done.cursor()).contains("c");
    }

    @Test
    void textThatIsNotAStateIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ConnectorState.fromJson("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> ConnectorState.fromJson("{\"v\":1,")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ConnectorState.fromJson("{\"position\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"v\":1");
        assertThatThrownBy(() -> ConnectorState.fromJson("{\"v\":1,\"position\":\"nope\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position");
        assertThatThrownBy(() -> ConnectorState.fromJson("{\"v\":1,\"recentKeys\":[1]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recentKeys");
        assertThatThrownBy(() -> ConnectorState.fromJson("{\"v\":1,\"updatedAt\":\"yesterday\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updatedAt");
    }

    @Test
    void toStringMasksSecretsAndLeavesOutKeys() {
        ConnectorState state = ConnectorState.empty()
                .withPosition(Position.startingAt("https://api.test/items?api_key=s3cr3t"), false)
                .withRecentKeys(List.of("customer-email@example.com"));

        assertThat(state.toString()).doesNotContain("s3cr3t").doesNotContain("customer-email")
                .contains("1 recent keys");
    }
}
