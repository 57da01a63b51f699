package dev.inlet.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When a job runs: at a fixed rate, daily at a time of day, or hourly at a minute past the hour;
 * plus an optional random jitter that spreads hosts (and jobs) apart. Immutable and thread-safe.
 *
 * <p>{@link #next(Instant)} gives the nominal time after a previous one; the {@link Scheduler} adds
 * a jitter drawn uniformly from {@code [0, jitter)} to each nominal time, without letting the jitter
 * accumulate.
 */
public final class Schedule {

    private enum Kind { FIXED_RATE, DAILY, HOURLY }

    private final Kind kind;
    private final Duration period;
    private final LocalTime timeOfDay;
    private final int minute;
    private final ZoneId zone;
    private final Duration jitter;

    private Schedule(Kind kind, Duration period, LocalTime timeOfDay, int minute, ZoneId zone, Duration jitter) {
        this.kind = kind;
        this.period = period;
        this.timeOfDay = timeOfDay;
        this.minute = minute;
        this.zone = zone;
        this.jitter = jitter;
    }

    /**
     * Every {@code period}, counted from when the job is scheduled (the first run is one period
     * later; call {@link Scheduler#runNow(String)} for an immediate one). Runs that would start
     * while the previous one is still going coalesce into one follow-up run.
     *
     * @throws IllegalArgumentException if the period is not positive
     */
    public static Schedule fixedRate(Duration period) {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a fixed rate needs a positive period, was " + period);
        }
        return new Schedule(Kind.FIXED_RATE, period, null, 0, ZoneOffset.UTC, Duration.ZERO);
    }

    /**
     * Every day at the time of day in the zone. On a day when the time does not exist (a daylight
     * saving gap) the run is at the same wall time shifted by the gap; when it exists twice, at the
     * first.
     */
    public static Schedule daily(LocalTime at, ZoneId zone) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        return new Schedule(Kind.DAILY, null, at, 0, zone, Duration.ZERO);
    }

    /** Every hour at {@code minute} (0–59) past the hour, in UTC. */
    public static Schedule hourly(int minute) {
        return hourly(minute, ZoneOffset.UTC);
    }

    /** Every hour at {@code minute} (0–59) past the hour of the zone (matters for half-hour offsets). */
    public static Schedule hourly(int minute, ZoneId zone) {
        if (minute < 0 || minute > 59) {
            throw new IllegalArgumentException("minute must be between 0 and 59, was " + minute);
        }
        return new Schedule(Kind.HOURLY, null, null, minute, Objects.requireNonNull(zone, "zone"), Duration.ZERO);
    }

    /**
     * This schedule with a random delay of up to {@code max} added to each run (default none).
     *
     * @throws IllegalArgumentException if the jitter is negative, or not shorter than a fixed rate's period
     */
    public Schedule withJitter(Duration max) {
        Objects.requireNonNull(max, "max");
        if (max.isNegative()) {
            throw new IllegalArgumentException("jitter must not be negative, was " + max);
        }
        if (kind == Kind.FIXED_RATE && max.compareTo(period) >= 0) {
            throw new IllegalArgumentException("jitter " + max + " must be shorter than the period " + period);
        }
        return new Schedule(kind, period, timeOfDay, minute, zone, max);
    }

    /** The largest random delay added to a run. */
    public Duration jitter() {
        return jitter;
    }

    /** The nominal time of the run after one at (or scheduled at) {@code previous}; always later. */
    public Instant next(Instant previous) {
        Objects.requireNonNull(previous, "previous");
        switch (kind) {
            case FIXED_RATE:
                return previous.plus(period);
            case DAILY: {
                ZonedDateTime local = previous.atZone(zone);
                ZonedDateTime candidate = ZonedDateTime.of(local.toLocalDate(), timeOfDay, zone);
                while (!candidate.toInstant().isAfter(previous)) {
                    candidate = ZonedDateTime.of(candidate.toLocalDate().plusDays(1), timeOfDay, zone);
                }
                return candidate.toInstant();
            }
            default: {
                ZonedDateTime candidate = previous.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusMinutes(minute);
                while (!candidate.toInstant().isAfter(previous)) {
                    candidate = candidate.plusHours(1);
                }
                return candidate.toInstant();
            }
        }
    }

    @Override
    public String toString() {
        String what = switch (kind) {
            case FIXED_RATE -> "every " + period;
            case DAILY -> "daily at " + timeOfDay + " " + zone;
            case HOURLY -> "hourly at :" + (minute < 10 ? "0" : "") + minute + " " + zone;
        };
        return "Schedule[" + what + (jitter.isZero() ? "" : ", jitter " + jitter) + "]";
    }
}
