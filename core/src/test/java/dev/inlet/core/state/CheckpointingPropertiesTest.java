package dev.inlet.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.testing.ListPageSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * For any pages and any crash points: nothing is lost, a crash repeats at most the records of the
 * page it interrupted, and none with the already-delivered check.
 */
class CheckpointingPropertiesTest {

    /** Pages of the given sizes, records numbered across pages. */
    private static ListPageSource pages(List<Integer> sizes) {
        List<List<JsonNode>> pages = new ArrayList<>();
        int n = 0;
        for (int size : sizes) {
            List<JsonNode> page = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                page.add(Pages.record(n++));
            }
            pages.add(page);
        }
        return new ListPageSource(pages);
    }

    @Property(tries = 200)
    void crashesLoseNothingAndRepeatAtMostOnePage(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 5) Integer> sizes,
            @ForAll @Size(max = 5) List<@IntRange(min = 0, max = 30) Integer> crashes,
            @ForAll boolean checkDelivered) {
        int total = sizes.stream().mapToInt(Integer::intValue).sum();
        int largestPage = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        InMemoryStateStore store = new InMemoryStateStore();
        List<Integer> delivered = new ArrayList<>();
        Checkpointing.Builder<JsonNode> builder = Checkpointing.builder(
                Connector.builder("items", pages(sizes)).build(), store);
        if (checkDelivered) {
            builder.primaryKey("/id").alreadyDelivered(key -> delivered.contains(Integer.parseInt(key.substring(1))));
        }
        Checkpointing<JsonNode> sync = builder.build();

        List<Integer> duplicatesPerCrash = new ArrayList<>();
        boolean completed = false;
        for (int crashAfter : crashes) {
            int before = delivered.size();
            Set<Integer> seen = new HashSet<>(delivered);
            int[] inThisRun = {0};
            try {
                sync.run(r -> {
                    if (inThisRun[0]++ == crashAfter) {
                        throw new Pages.Crash();
                    }
                    delivered.add(r.get("n").asInt());
                });
                completed = true;
                break;
            } catch (Pages.Crash crash) {
                // The next run is the restart after this crash; count what it repeats below.
            }
            duplicatesPerCrash.add((int) delivered.subList(before, delivered.size()).stream()
                    .filter(seen::contains).count());
        }
        if (!completed) {
            // The restart after the last crash (a completed run would start over from the first page).
            sync.run(r -> delivered.add(r.get("n").asInt()));
        }

        assertThat(new HashSet<>(delivered)).hasSize(total);
        int duplicates = delivered.size() - total;
        if (checkDelivered) {
            assertThat(duplicates).isZero();
        } else {
            int crashCount = Math.max(duplicatesPerCrash.size(), 1);
            assertThat(duplicates).isLessThanOrEqualTo(crashCount * largestPage);
        }
    }
}
