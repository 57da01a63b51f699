package dev.inlet.micrometer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values one tag may take: the first {@code max} distinct values seen are kept, every later one
 * becomes {@link #OTHER}, so a tag fed from outside (an endpoint, an event type, a limiter's name)
 * cannot grow a registry without bound. Thread-safe; the cap may be passed by a few values under a race.
 */
final class TagValues {

    static final String OTHER = "other";

    private final int max;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();

    TagValues(int max) {
        this.max = max;
    }

    /** The value itself if admitted (now or before), else {@link #OTHER}. */
    String admit(String value) {
        if (admitted.contains(value)) {
            return value;
        }
        if (admitted.size() >= max) {
            return OTHER;
        }
        admitted.add(value);
        return value;
    }
}
