package dev.inlet.core.testing;

import dev.inlet.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told, and a {@link Sleeper} that advances it instead of waiting, so
 * tests of retries, rate limits and schedules never really sleep. Records every sleep. Thread-safe.
 */
public final class FakeClock extends Clock implements Sleeper {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    /** A fake clock at the instant, in UTC. */
    public FakeClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    /** A fake clock at 2026-01-01T00:00:00Z. */
    public FakeClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    private FakeClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new FakeClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock forward. */
    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    /** Sets the clock. */
    public void set(Instant instant) {
        now.set(instant);
    }

    /** Advances the clock by the duration and records it, without waiting. */
    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        if (!duration.isNegative()) {
            advance(duration);
        }
    }

    /** Every sleep requested so far, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The sum of all sleeps so far. */
    public Duration totalSlept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
