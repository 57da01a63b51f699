package dev.inlet.core.retry;

import static dev.inlet.core.retry.Responses.info;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading the server's wait: Retry-After in every form, and budget resets. */
class WaitHintsTest {

    /** The client's clock is three hours fast: hints must not care. */
    private final FakeClock skewed = new FakeClock(Instant.parse("2026-03-01T15:00:00Z"));
    private static final String SERVER_NOW = "Sun, 01 Mar 2026 12:00:00 GMT";

    private static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }

    @Test
    void retryAfterInSeconds() {
        assertThat(WaitHints.find(info(429, "Retry-After", "2"), skewed))
                .contains(new WaitHint(seconds(2), "Retry-After"));
        assertThat(WaitHints.from(info(503, "Retry-After", " 120 "), skewed)).contains(seconds(120));
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredAgainstTheResponsesDateNotTheClientsClock() {
        assertThat(WaitHints.from(info(429, "Date", SERVER_NOW, "Retry-After", "Sun, 01 Mar 2026 12:00:07 GMT"),
                skewed)).contains(seconds(7));
    }

    @Test
    void retryAfterAsAnHttpDateWithoutADateHeaderUsesTheClientsClock() {
        assertThat(WaitHints.from(info(429, "Retry-After", "Sun, 01 Mar 2026 15:00:30 GMT"), skewed))
                .contains(seconds(30));
    }

    @Test
    void theObsoleteDateFormsAreReadToo() {
        assertThat(WaitHints.from(info(503, "Date", SERVER_NOW, "Retry-After", "Sunday, 01-Mar-26 12:01:00 GMT"),
                skewed)).as("RFC 850").contains(seconds(60));
        assertThat(WaitHints.from(info(503, "Date", SERVER_NOW, "Retry-After", "Sun Mar  1 12:00:05 2026"),
                skewed)).as("asctime").contains(seconds(5));
        assertThat(WaitHints.from(info(503, "Date", "Sun Mar  1 12:00:00 2026", "Retry-After", "3"), skewed))
                .contains(seconds(3));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertThat(WaitHints.from(info(503, "Date", SERVER_NOW, "Retry-After", "Sun, 01 Mar 2026 11:59:00 GMT"),
                skewed)).contains(Duration.ZERO);
    }

    @Test
    void garbageIsNoHint() {
        assertThat(WaitHints.from(info(503, "Retry-After", "soon"), skewed)).isEmpty();
        assertThat(WaitHints.from(info(503, "Retry-After", "-5"), skewed)).isEmpty();
        assertThat(WaitHints.from(info(503, "Retry-After", ""), skewed)).isEmpty();
        assertThat(WaitHints.from(info(503), skewed)).isEmpty();
    }

    @Test
    void anAbsurdRetryAfterSaturatesInsteadOfOverflowing() {
        assertThat(WaitHints.from(info(429, "Retry-After", "99999999999999999999999"), skewed))
                .hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofDays(365)));
    }

    @Test
    void githubs403WithNoRemainingBudgetWaitsForTheResetMeasuredAgainstTheDateHeader() {
        long reset = Instant.parse("2026-03-01T12:10:00Z").getEpochSecond();
        assertThat(WaitHints.find(info(403, "Date", SERVER_NOW, "X-RateLimit-Limit", "5000",
                "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)), skewed))
                .contains(new WaitHint(Duration.ofMinutes(10), "X-RateLimit-Reset"));
        assertThat(WaitHints.isBudgetExhausted(info(403, "X-RateLimit-Remaining", "0"))).isTrue();
    }

    @Test
    void aResetIsOnlyAHintWhenTheBudgetIsGoneOrTheStatusIs429() {
        assertThat(WaitHints.from(info(200, "X-RateLimit-Remaining", "10", "X-RateLimit-Reset", "30"), skewed))
                .isEmpty();
        assertThat(WaitHints.from(info(503, "X-RateLimit-Remaining", "10", "X-RateLimit-Reset", "30"), skewed))
                .isEmpty();
        assertThat(WaitHints.from(info(429, "X-RateLimit-Remaining", "10", "X-RateLimit-Reset", "30"), skewed))
                .contains(seconds(30));
        assertThat(WaitHints.from(info(429, "X-Rate-Limit-Remaining", "0", "X-Rate-Limit-Reset", "4"), skewed))
                .contains(seconds(4));
    }

    @Test
    void epochMillisecondResetsAreRecognised() {
        long resetMillis = Instant.parse("2026-03-01T12:00:02.500Z").toEpochMilli();
        assertThat(WaitHints.from(info(429, "Date", SERVER_NOW, "X-RateLimit-Reset", Long.toString(resetMillis)),
                skewed)).contains(Duration.ofMillis(2500));
    }

    @Test
    void theIetfRateLimitFieldGivesTheResetOfTheExhaustedPolicy() {
        assertThat(WaitHints.find(info(429, "RateLimit", "\"default\";r=0;t=30"), skewed))
                .contains(new WaitHint(seconds(30), "RateLimit"));
        assertThat(WaitHints.from(info(200, "RateLimit", "\"burst\";r=0;t=1, \"daily\";r=900;t=40000"), skewed))
                .contains(seconds(1));
        assertThat(WaitHints.from(info(200, "RateLimit", "\"default\";r=5;t=30"), skewed)).isEmpty();
        assertThat(WaitHints.from(info(429, "RateLimit", "limit=100, remaining=0, reset=9"), skewed))
                .as("draft 05's form").contains(seconds(9));
        assertThat(WaitHints.from(info(429, "RateLimit-Remaining", "0", "RateLimit-Reset", "12"), skewed))
                .as("the separate fields of drafts 01-07").contains(seconds(12));
    }

    @Test
    void retryAfterTakesPrecedenceOverAReset() {
        assertThat(WaitHints.find(info(429, "Retry-After", "3", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", "60"), skewed)).contains(new WaitHint(seconds(3), "Retry-After"));
    }

    @Test
    void anyRetryAfterDateIsReadAsItsDistanceFromTheServersDate() {
        DateTimeFormatter imf = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        Random random = new Random(20260301);
        for (int i = 0; i < 500; i++) {
            Instant serverNow = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L));
            long seconds = random.nextLong(0, 86_400L * 30);
            assertThat(WaitHints.from(info(503, "Date", imf.format(serverNow), "Retry-After",
                    imf.format(serverNow.plusSeconds(seconds))), new FakeClock()))
                    .as("%s + %d s", serverNow, seconds).contains(Duration.ofSeconds(seconds));
        }
    }
}
