package dev.inlet.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PositionTest {

    @Property(tries = 300)
    void everyPositionSurvivesItsStoredForm(@ForAll String token, @ForAll @IntRange(min = 0, max = 1000) int skip,
            @ForAll @IntRange(min = 0, max = 100) int pages, @ForAll @LongRange(min = 0, max = 1_000_000) long before) {
        Position position = Position.startingAt(token);
        for (int i = 0; i < pages; i++) {
            position = position.next(token + i, (int) (before % 997));
        }
        position = position.withSkip(skip);
        assertThat(Position.parse(position.asString())).isEqualTo(position);
    }

    @Test
    void theStartHasNoTokenAndNothingBefore() {
        Position start = Position.start();
        assertThat(start.isStart()).isTrue();
        assertThat(start.token()).isEmpty();
        assertThat(Position.parse(start.asString())).isEqualTo(start);
        assertThat(start.asString()).isEqualTo("{\"v\":1}");
    }

    @Test
    void nextCountsPagesAndRecords() {
        Position third = Position.start().next("a", 10).next("b", 7);
        assertThat(third.pageIndex()).isEqualTo(2);
        assertThat(third.recordsBefore()).isEqualTo(17);
        assertThat(third.token()).contains("b");
        assertThat(third.withSkip(3).skip()).isEqualTo(3);
        assertThat(third.withSkip(3).samePageAs(third)).isTrue();
    }

    @Test
    void textThatIsNotASavedPositionIsRefusedClearly() {
        assertThatThrownBy(() -> Position.parse("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Position.start()");
        assertThatThrownBy(() -> Position.parse("cursor-abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a saved Inlet position");
        assertThatThrownBy(() -> Position.parse("{\"token\":\"x\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"v\":1");
        assertThatThrownBy(() -> Position.parse("{\"v\":1,\"skip\":-2}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> Position.start().withSkip(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void displaysMaskSecretsInNextPageUrls() {
        Position p = Position.start().next("https://api.example.com/items?page=2&access_token=tok_123", 5);
        assertThat(p.toString()).contains("page 2").contains("access_token=***").doesNotContain("tok_123");
        assertThat(p.describe()).doesNotContain("tok_123");
        assertThat(p.asString()).contains("tok_123");
    }
}
