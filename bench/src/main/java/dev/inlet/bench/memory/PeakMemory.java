package dev.inlet.bench.memory;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Watches a JVM's memory while a benchmark runs: the highest heap use sampled every few
 * milliseconds (garbage included), the highest heap left after any GC (an upper bound of what the
 * program really held), and the process's peak resident set ({@code VmHWM} from
 * {@code /proc/self/status}).
 */
public final class PeakMemory implements AutoCloseable {

    private final AtomicLong sampledPeak = new AtomicLong();
    private final AtomicLong afterGcPeak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean stopped;

    private PeakMemory() {
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                            .from((CompositeData) notification.getUserData());
                    // Heap pools only: the map also holds metaspace and the code cache.
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> heapPools.contains(e.getKey()))
                            .mapToLong(e -> e.getValue().getUsed()).sum();
                    afterGcPeak.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        this.sampler = new Thread(() -> {
            while (!stopped) {
                sampledPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                        Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "peak-memory-sampler");
        sampler.setDaemon(true);
    }

    /** Starts watching. */
    public static PeakMemory start() {
        PeakMemory peak = new PeakMemory();
        peak.sampler.start();
        return peak;
    }

    /** The highest sampled heap use, garbage included, in bytes. */
    public long sampledHeapPeak() {
        return sampledPeak.get();
    }

    /**
     * The highest heap use left after a GC, in bytes (0 if no GC ran): an upper bound of what the
     * program held, as a young collection leaves old-generation garbage in place.
     */
    public long liveHeapPeak() {
        return afterGcPeak.get();
    }

    /** The process's peak resident set in bytes, from {@code VmHWM}; -1 if unknown. */
    public static long rssPeak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        stopped = true;
        sampler.interrupt();
    }
}
