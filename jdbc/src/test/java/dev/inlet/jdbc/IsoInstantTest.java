package dev.inlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    @Test
    void writesExactlyWhatInstantToStringWrites() {
        SplittableRandom random = new SplittableRandom(19);
        long min = Instant.parse("0900-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(min, max);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            assertThat(IsoInstant.of(second, nano)).isEqualTo(Instant.ofEpochSecond(second, nano).toString());
        }
    }

    @Test
    void edgesOfTheFastRangeAndAroundThem() {
        for (String text : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
                "1000-01-01T00:00:00Z", "0999-12-31T23:59:59Z", "9999-12-31T23:59:59.000001Z", "+10000-01-01T00:00:00Z",
                "2000-02-29T12:00:00.100Z", "2100-03-01T00:00:00Z", "-0001-06-01T00:00:00Z", "2026-12-05T12:00:00.5Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(IsoInstant.of(instant.getEpochSecond(), instant.getNano())).isEqualTo(instant.toString());
        }
    }

    @Test
    void parsesTheCommonUtcShapeExactlyAsOffsetDateTimeDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            int nano = switch (i % 3) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(random.nextLong(-30_000_000_000L, 250_000_000_000L), nano).toString();
            assertThat(IsoInstant.parseUtc(text)).as(text).contains(OffsetDateTime.parse(text));
        }
        assertThat(IsoInstant.parseUtc("2026-01-01T00:00:01.5Z")).contains(OffsetDateTime.parse("2026-01-01T00:00:01.5Z"));
    }

    @Test
    void leavesEveryOtherShapeAndEveryInvalidDateToTheGeneralParser() {
        for (String text : new String[] {"2026-01-01T00:00Z", "2026-01-01T00:00:00+02:00", "2026-01-01t00:00:00Z",
                "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z",
                "2026-01-01T00:60:00Z", "2026-01-01T23:59:60Z", "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00.1234567890Z",
                "2026-01-01 00:00:00Z", "+2026-01-01T00:00:00Z", "2026-01-01T00:00:0xZ", "20260101T000000Z", ""}) {
            assertThat(IsoInstant.parseUtc(text)).as(text).isEmpty();
        }
        assertThat(IsoInstant.parseUtc("2024-02-29T23:59:59.999999999Z"))
                .contains(OffsetDateTime.parse("2024-02-29T23:59:59.999999999Z"));
    }
}
