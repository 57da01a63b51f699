package dev.inlet.core.http;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Short ids for logical calls, so a listener can tell which events belong to one call: a random
 * prefix per JVM (ids from two processes rarely collide in shared logs) and a counter.
 */
final class ExchangeIds {

    private static final String PREFIX = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36), 36);
    private static final AtomicLong NEXT = new AtomicLong();

    private ExchangeIds() {
    }

    /** A new id, unique within this JVM, such as {@code x3k9f-17}. */
    static String next() {
        return PREFIX + "-" + Long.toString(NEXT.incrementAndGet(), 36);
    }
}
