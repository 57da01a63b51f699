package dev.inlet.kafka.connect.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * <b>Internal</b>: packs work items into at most {@code maxTasks} tasks so that all items of one
 * rate-limit key land in one task (a vendor account's budget is then enforced by one limiter, never
 * split between workers), loads stay balanced, and a change in the number of tasks or keys moves
 * few keys.
 *
 * <p>Keys are placed largest first (ties by name); each key goes to the task that ranks highest for
 * it by rendezvous hashing (a stable hash of key and task number) among the tasks that still have
 * room. Room is {@code max(ceil(items / tasks), largest key)}, so no task holds more than that. With
 * rendezvous hashing, adding a task takes keys only from the tasks that lose their first choice,
 * which is about {@code 1/(tasks+1)} of them.
 */
public final class TaskPacking {

    private TaskPacking() {
    }

    /**
     * The tasks' items, each list sorted; as many lists as there are tasks to run (fewer than
     * {@code maxTasks} when there are fewer keys), none empty.
     *
     * @throws IllegalArgumentException if {@code maxTasks < 1}
     */
    public static List<List<WorkItem>> pack(List<WorkItem> items, int maxTasks) {
        if (maxTasks < 1) {
            throw new IllegalArgumentException("tasks.max must be at least 1, was " + maxTasks);
        }
        Map<String, List<WorkItem>> byKey = new TreeMap<>();
        for (WorkItem item : items) {
            byKey.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(item);
        }
        int tasks = Math.min(maxTasks, byKey.size());
        if (tasks == 0) {
            return List.of();
        }
        int largest = byKey.values().stream().mapToInt(List::size).max().orElse(0);
        int room = Math.max((items.size() + tasks - 1) / tasks, largest);
        List<Map.Entry<String, List<WorkItem>>> keys = new ArrayList<>(byKey.entrySet());
        keys.sort(Comparator.<Map.Entry<String, List<WorkItem>>>comparingInt(e -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        List<List<WorkItem>> assigned = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            assigned.add(new ArrayList<>());
        }
        for (Map.Entry<String, List<WorkItem>> key : keys) {
            int size = key.getValue().size();
            int chosen = IntStream.range(0, tasks).boxed()
                    .sorted(Comparator.comparingLong((Integer t) -> score(key.getKey(), t)).reversed()
                            .thenComparing(t -> t))
                    .filter(t -> assigned.get(t).size() + size <= room)
                    .findFirst()
                    .orElseGet(() -> leastLoaded(assigned));
            assigned.get(chosen).addAll(key.getValue());
        }
        List<List<WorkItem>> result = new ArrayList<>();
        for (List<WorkItem> task : assigned) {
            if (!task.isEmpty()) {
                task.sort(null);
                result.add(List.copyOf(task));
            }
        }
        return result;
    }

    private static int leastLoaded(List<List<WorkItem>> assigned) {
        int best = 0;
        for (int t = 1; t < assigned.size(); t++) {
            if (assigned.get(t).size() < assigned.get(best).size()) {
                best = t;
            }
        }
        return best;
    }

    /** A stable 64-bit rendezvous score (FNV-1a over the key, then the task number, then a finalizer). */
    static long score(String key, int task) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ task) * 0x100000001b3L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
