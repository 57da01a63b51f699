package dev.inlet.bench.harness;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Bytes allocated and GC time spent by the whole JVM, read before and after a measured pass. Sums
 * the allocation counters of all live threads (HotSpot's {@code com.sun.management.ThreadMXBean}),
 * so allocations of helper threads (the JDK client's selector thread, OkHttp's) are counted too.
 */
public final class Alloc {

    private Alloc() {
    }

    /** Bytes allocated so far by the threads alive now. */
    public static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            if (bytes > 0) {
                total += bytes;
            }
        }
        return total;
    }

    /** Milliseconds spent in GC so far. */
    public static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
