package dev.inlet.kafka.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskPackingTest {

    /** 100 keys (vendor accounts) with 1 to 3 streams each. */
    private static List<WorkItem> items(int keys) {
        List<WorkItem> items = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            for (int s = 0; s <= k % 3; s++) {
                items.add(new WorkItem("tenant-" + k, "stream-" + s, "account-" + k));
            }
        }
        return items;
    }

    private static Map<String, Integer> taskOfKey(List<List<WorkItem>> tasks) {
        Map<String, Integer> taskOf = new HashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            for (WorkItem item : tasks.get(t)) {
                Integer before = taskOf.put(item.key(), t);
                assertThat(before == null || before == t).as("key %s spans two tasks", item.key()).isTrue();
            }
        }
        return taskOf;
    }

    @Test
    void everyItemIsPlacedOnceAndAKeyNeverSpansTwoTasks() {
        List<WorkItem> items = items(100);

        List<List<WorkItem>> tasks = TaskPacking.pack(items, 7);

        assertThat(tasks).hasSize(7);
        assertThat(tasks.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(items);
        assertThat(taskOfKey(tasks)).hasSize(100);
    }

    @Test
    void loadsStayWithinTheRoomOfOneTask() {
        List<WorkItem> items = items(100);

        List<List<WorkItem>> tasks = TaskPacking.pack(items, 7);

        int room = (items.size() + 6) / 7;
        assertThat(tasks).allSatisfy(task -> assertThat(task.size()).isBetween(1, room));
    }

    @Test
    void addingATaskMovesFewKeys() {
        List<WorkItem> items = items(100);

        Map<String, Integer> before = taskOfKey(TaskPacking.pack(items, 4));
        Map<String, Integer> after = taskOfKey(TaskPacking.pack(items, 5));

        long moved = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).count();
        // Ideal is 1/5 of the keys; a round-robin or sorted re-deal moves about 4/5 of them.
        assertThat(moved).isLessThanOrEqualTo(35);
    }

    @Test
    void addingATenantMovesFewKeys() {
        Map<String, Integer> before = taskOfKey(TaskPacking.pack(items(100), 5));
        Map<String, Integer> after = taskOfKey(TaskPacking.pack(items(101), 5));

        long moved = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).count();
        assertThat(moved).isLessThanOrEqualTo(10);
    }

    @Test
    void thePackingIsTheSameEveryTimeWhateverTheItemOrder() {
        List<WorkItem> items = items(50);
        List<WorkItem> reversed = new ArrayList<>(items);
        java.util.Collections.reverse(reversed);

        assertThat(TaskPacking.pack(reversed, 6)).isEqualTo(TaskPacking.pack(items, 6));
    }

    @Test
    void neverMoreTasksThanKeysAndStreamsOfOneKeyStayTogether() {
        List<WorkItem> items = List.of(new WorkItem("a", "orders", "acct"), new WorkItem("b", "orders", "acct"),
                new WorkItem("c", "orders", "other"));

        List<List<WorkItem>> tasks = TaskPacking.pack(items, 10);

        assertThat(tasks).hasSize(2);
        Set<Set<String>> tenantsPerTask = new HashSet<>();
        tasks.forEach(t -> tenantsPerTask.add(new HashSet<>(t.stream().map(WorkItem::tenant).toList())));
        assertThat(tenantsPerTask).containsExactlyInAnyOrder(Set.of("a", "b"), Set.of("c"));
        assertThat(TaskPacking.pack(List.of(), 3)).isEmpty();
        assertThatThrownBy(() -> TaskPacking.pack(items, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tasks.max");
    }
}
