package dev.inlet.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Nominal times of each kind of schedule, across days, hours and daylight saving changes. */
class ScheduleTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aFixedRateAddsThePeriod() {
        Schedule every = Schedule.fixedRate(Duration.ofMinutes(15));

        assertThat(every.next(Instant.parse("2026-01-01T10:00:00Z"))).isEqualTo("2026-01-01T10:15:00Z");
    }

    @Test
    void dailyIsTheNextOccurrenceOfTheTimeInTheZone() {
        Schedule twoAm = Schedule.daily(LocalTime.of(2, 0), PARIS);

        assertThat(twoAm.next(Instant.parse("2026-01-10T00:59:59Z"))).isEqualTo("2026-01-10T01:00:00Z");
        assertThat(twoAm.next(Instant.parse("2026-01-10T01:00:00Z"))).isEqualTo("2026-01-11T01:00:00Z");
        assertThat(twoAm.next(Instant.parse("2026-07-10T12:00:00Z"))).as("summer time").isEqualTo("2026-07-11T00:00:00Z");
    }

    @Test
    void dailyAcrossDaylightSavingGapsAndOverlaps() {
        Schedule twoThirty = Schedule.daily(LocalTime.of(2, 30), PARIS);

        // 2026-03-29: 02:00 -> 03:00 in Paris; 02:30 does not exist and becomes 03:30 CEST (01:30Z).
        assertThat(twoThirty.next(Instant.parse("2026-03-28T12:00:00Z"))).isEqualTo("2026-03-29T01:30:00Z");
        // 2026-10-25: 03:00 -> 02:00; 02:30 happens twice, the first (CEST, 00:30Z) is taken, once.
        Instant first = twoThirty.next(Instant.parse("2026-10-24T12:00:00Z"));
        assertThat(first).isEqualTo("2026-10-25T00:30:00Z");
        assertThat(twoThirty.next(first)).isEqualTo("2026-10-26T01:30:00Z");
    }

    @Test
    void hourlyIsTheMinutePastTheHourOfTheZone() {
        assertThat(Schedule.hourly(0).next(Instant.parse("2026-01-01T10:59:59Z"))).isEqualTo("2026-01-01T11:00:00Z");
        assertThat(Schedule.hourly(5).next(Instant.parse("2026-01-01T10:05:00Z"))).isEqualTo("2026-01-01T11:05:00Z");
        assertThat(Schedule.hourly(0, ZoneId.of("Asia/Kolkata")).next(Instant.parse("2026-01-01T10:00:00Z")))
                .as("India is UTC+05:30").isEqualTo("2026-01-01T10:30:00Z");
    }

    @Test
    void badSchedulesAreRefused() {
        assertThatThrownBy(() -> Schedule.fixedRate(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> Schedule.hourly(60)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("59");
        assertThatThrownBy(() -> Schedule.fixedRate(Duration.ofMinutes(1)).withJitter(Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than the period");
        assertThatThrownBy(() -> Schedule.hourly(0).withJitter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThat(Schedule.daily(LocalTime.NOON, PARIS).withJitter(Duration.ofMinutes(5)).toString())
                .contains("daily at 12:00 Europe/Paris").contains("jitter PT5M");
    }
}
