package dev.inlet.core.state;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The dedupe keys of the most recently delivered records, oldest evicted first once the capacity is
 * reached. Kept small on purpose: it is written with every checkpoint. Not thread-safe (one run).
 */
final class RecentKeys {

    private final int capacity;
    private final LinkedHashSet<String> keys = new LinkedHashSet<>();

    RecentKeys(int capacity, List<String> initial) {
        this.capacity = capacity;
        initial.forEach(this::add);
    }

    boolean contains(String key) {
        return keys.contains(key);
    }

    void add(String key) {
        if (capacity == 0) {
            return;
        }
        keys.remove(key);
        keys.add(key);
        if (keys.size() > capacity) {
            Iterator<String> oldest = keys.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    List<String> toList() {
        return new ArrayList<>(keys);
    }
}
