package dev.inlet.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** The hand-written fast path must agree with {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} on every input. */
class IsoDateTimesTest {

    @Test
    void commonShapesAreRead() {
        assertThat(IsoDateTimes.parse("2024-05-01T12:00:00Z")).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(IsoDateTimes.parse("2024-05-01T14:00:00.123456789+02:00"))
                .isEqualTo(Instant.parse("2024-05-01T12:00:00.123456789Z"));
        assertThat(IsoDateTimes.parse("2024-05-01T07:30:00-04:30")).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(IsoDateTimes.parse("2024-05-01T12:00Z")).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(IsoDateTimes.parse("2024-05-01t12:00:00z")).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
    }

    @Test
    void invalidDatesAndMissingOffsetsAreRefused() {
        assertThat(IsoDateTimes.parse("2023-02-29T00:00:00Z")).isNull();
        assertThat(IsoDateTimes.parse("2024-05-01T24:00:00Z")).isNull();
        assertThat(IsoDateTimes.parse("2024-05-01T12:00:60Z")).isNull();
        assertThat(IsoDateTimes.parse("2024-05-01T12:00:00")).isNull();
        assertThat(IsoDateTimes.parse("2024-05-01T12:00:00+19:00")).isNull();
        assertThat(IsoDateTimes.parse("2024-05-01T12:00:00.1234567890Z")).isNull();
    }

    @Provide
    Arbitrary<String> dateTimeLike() {
        Arbitrary<String> date = Combinators.combine(num(0, 9999, 4), num(0, 13, 2), num(0, 32, 2))
                .as((y, m, d) -> y + "-" + m + "-" + d);
        Arbitrary<String> time = Combinators.combine(num(0, 25, 2), num(0, 61, 2), num(0, 61, 2))
                .as((h, m, s) -> h + ":" + m + ":" + s);
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(11).map(f -> "." + f));
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.of("Z", "z", "", "+00:00", "-00:00", "+18:00",
                        "-18:00", "+05:30:15", "+0530", "UTC"),
                Combinators.combine(Arbitraries.of("+", "-"), num(0, 19, 2), num(0, 61, 2))
                        .as((sign, h, m) -> sign + h + ":" + m));
        Arbitrary<String> clean = Combinators.combine(date, time, fraction, offset)
                .as((d, t, f, o) -> d + (t.hashCode() % 5 == 0 ? "t" : "T") + t + f + o);
        // Now and then one character replaced, to probe the parser's edges.
        return Combinators.combine(clean, Arbitraries.integers().between(0, 40), Arbitraries.chars().ascii())
                .as((text, at, c) -> at < text.length() && at % 4 == 0
                        ? text.substring(0, at) + c + text.substring(at + 1) : text);
    }

    @Property(tries = 1000)
    void theFastPathAndTheFormatterAlwaysAgree(@ForAll("dateTimeLike") String text) {
        Instant expected = IsoDateTimes.plausible(text) ? IsoDateTimes.parseWithFormatter(text) : null;

        assertThat(IsoDateTimes.parse(text)).as(text).isEqualTo(expected);
        Statistics.label("parsed").collect(expected != null);
        Statistics.label("parsed").coverage(coverage -> {
            coverage.check(true).percentage(p -> p > 10);
            coverage.check(false).percentage(p -> p > 10);
        });
    }

    private static Arbitrary<String> num(int min, int max, int width) {
        return Arbitraries.integers().between(min, max).map(n -> String.format("%0" + width + "d", n));
    }
}
