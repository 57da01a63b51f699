package dev.inlet.core.metrics;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The width of a time bucket, in a time zone's calendar: a day is local midnight to local midnight
 * (23 or 25 hours on daylight-saving days), a week starts on Monday (ISO 8601), a month on the 1st.
 */
public enum Grain {
    /** Clock hours. On the day clocks fall back, the repeated hour is two buckets (distinct offsets). */
    HOUR,
    /** Calendar days, local midnight to local midnight. */
    DAY,
    /** ISO weeks, Monday 00:00 to Monday 00:00. */
    WEEK,
    /** Calendar months. */
    MONTH;

    /** The start of the bucket holding this local time. */
    public ZonedDateTime start(ZonedDateTime time) {
        return switch (this) {
            case HOUR -> time.truncatedTo(ChronoUnit.HOURS);
            case DAY -> time.toLocalDate().atStartOfDay(time.getZone());
            case WEEK -> time.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .atStartOfDay(time.getZone());
            case MONTH -> time.toLocalDate().withDayOfMonth(1).atStartOfDay(time.getZone());
        };
    }

    /** The start of the bucket after the one starting at {@code start}. */
    public ZonedDateTime next(ZonedDateTime start) {
        return switch (this) {
            case HOUR -> start.plusHours(1);
            case DAY -> start.toLocalDate().plusDays(1).atStartOfDay(start.getZone());
            case WEEK -> start.toLocalDate().plusWeeks(1).atStartOfDay(start.getZone());
            case MONTH -> start.toLocalDate().plusMonths(1).atStartOfDay(start.getZone());
        };
    }
}
