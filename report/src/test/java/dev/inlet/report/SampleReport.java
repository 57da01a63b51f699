package dev.inlet.report;

import dev.inlet.core.InletListener;
import dev.inlet.core.Json;
import dev.inlet.core.Position;
import dev.inlet.core.RunReport;
import dev.inlet.core.RunWarning;
import dev.inlet.core.metrics.Grain;
import dev.inlet.core.metrics.Point;
import dev.inlet.core.metrics.TimeSeries;
import dev.inlet.core.record.Rejection;
import dev.inlet.core.record.Violation;
import dev.inlet.core.testing.FakeClock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report the tests render: a week of daily metrics in Berlin (across the switch to summer time),
 * two runs, a recorded timeline, quarantined records and refused deliveries, with hostile text in every
 * place data reaches the page.
 */
final class SampleReport {

    /** Text that would become markup if anything were not escaped. */
    static final String HOSTILE = "</script><img src=x onerror=alert(1)>\"'&amp;";

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 26);
    static final int DAYS = 7;

    /** Refused deliveries in the sample. */
    static final int REFUSED = 3;

    private SampleReport() {
    }

    /** Charges per day and currency: EUR every day, USD on all but the third day (a gap). */
    static TimeSeries charges() {
        List<Point> points = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            var start = FIRST_DAY.plusDays(d).atStartOfDay(ZONE);
            points.add(new Point(start, Map.of("currency", "EUR"), Map.of("charges", BigDecimal.valueOf(10 + d * 3),
                    "revenue", new BigDecimal(1000 + d * 125).movePointLeft(1))));
            if (d != 2) {
                points.add(new Point(start, Map.of("currency", "USD"), Map.of("charges", BigDecimal.valueOf(4 + d),
                        "revenue", new BigDecimal(400 + d * 77).movePointLeft(1))));
            }
        }
        return new TimeSeries(Grain.DAY, ZONE, List.of("currency"), List.of("charges", "revenue"), points, 0);
    }

    /** The charts: revenue by currency (lines, a gap in USD), charges per day (bars, summed), a hostile bar chart. */
    static List<Chart> charts() {
        TimeSeries charges = charges();
        return List.of(
                Chart.line("Revenue per day").yLabel("revenue").seriesBy(charges, "revenue", "currency").build(),
                Chart.bar("Charges per day").yLabel("charges").series("charges", charges, "charges").build(),
                Chart.bar("Hostile " + HOSTILE).yLabel(HOSTILE).series(new ChartSeries(HOSTILE, List.of(
                        new ChartPoint(FIRST_DAY.atStartOfDay(ZONE).toInstant(), new BigDecimal("-2.5")),
                        new ChartPoint(FIRST_DAY.plusDays(1).atStartOfDay(ZONE).toInstant(), new BigDecimal("7")))))
                        .build());
    }

    /** A timeline fed as a pipeline would: pages, a retry, a rate-limit wait, a quarantine, a warning, the ends. */
    static RunTimeline timeline(List<RunReport> reports) {
        FakeClock clock = new FakeClock(Instant.parse("2026-04-02T06:00:00Z"));
        RunTimeline timeline = RunTimeline.builder().clock(clock).build();
        Position page = Position.start();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMillis(400));
            timeline.pageDone(new InletListener.PageDone("stripe-charges", page, Optional.of(page.next("c" + i, 100)),
                    i == 2 ? 97 : 100, i == 2 ? 3 : 0, Duration.ofMillis(350)));
            page = page.next("c" + i, 100);
            if (i == 1) {
                timeline.retryScheduled(new InletListener.RetryScheduled("stripe-charges", "GET",
                        "https://api.example/charges?key=***", 1, Duration.ofSeconds(1), "HTTP 429; Retry-After 1 s"));
                timeline.rateLimited(new InletListener.RateLimited("stripe-charges", "api.example",
                        Duration.ofSeconds(1), "server asked (Retry-After)"));
                clock.advance(Duration.ofSeconds(1));
            }
            clock.advance(Duration.ofMillis(150));
            timeline.pageDone(new InletListener.PageDone(HOSTILE, Position.start(), Optional.empty(), 10, 0,
                    Duration.ofMillis(90)));
        }
        timeline.warning(new RunWarning(HOSTILE, "unfollowed-paging", HOSTILE, Optional.empty()));
        timeline.callFailed(new InletListener.CallFailed(HOSTILE, "x1", "GET", "https://h.example/x", 3,
                "dev.inlet.core.error.HttpStatusException", "HTTP 500 " + HOSTILE));
        reports.forEach(timeline::connectorDone);
        return timeline;
    }

    static List<RunReport> runs() {
        Rejection rejection = new Rejection("stripe-charges", Position.start().next("c1", 100), 7,
                Json.mapper().readTree("{\"id\":\"ch_7\",\"amount\":\"12\"}"), List.of(
                        new Violation("/amount", "type", "expected integer, got string"),
                        new Violation("/currency", "required", "missing " + HOSTILE)));
        Map<String, Long> byRule = new LinkedHashMap<>();
        byRule.put("type", 2L);
        byRule.put("required", 1L);
        byRule.put(HOSTILE, 1L);
        RunReport charges = new RunReport("stripe-charges", Instant.parse("2026-04-02T06:00:00Z"),
                Duration.ofMillis(3_250), 5, 500, 497, 3, byRule, List.of(rejection), 1, Duration.ofSeconds(1), true,
                Optional.empty(), Optional.empty(), List.of(), 0);
        RunReport hostile = new RunReport(HOSTILE, Instant.parse("2026-04-02T06:00:00Z"), Duration.ofMillis(3_300), 5,
                50, 50, 0, Map.of(), List.of(), 0, Duration.ZERO, false, Optional.of(HOSTILE), Optional.empty(),
                List.of(new RunWarning(HOSTILE, "unfollowed-paging", HOSTILE, Optional.empty())), 1);
        return List.of(charges, hostile);
    }

    static List<RefusedDelivery> refused() {
        Instant at = Instant.parse("2026-04-02T06:01:00Z");
        return List.of(new RefusedDelivery(at, "/webhooks/shop", "msg_forged_0", 401, "signature does not verify"),
                new RefusedDelivery(at.plusSeconds(1), "/webhooks/shop", HOSTILE, 401, HOSTILE),
                new RefusedDelivery(at.plusSeconds(2), "/webhooks/shop", "msg_big", 413, "body over 1 MiB"));
    }

    /** The whole sample report, rendered at a fixed time. */
    static HtmlReport report() {
        List<RunReport> runs = runs();
        HtmlReport.Builder builder = HtmlReport.builder().title("Nightly sync " + HOSTILE).zone(ZONE)
                .clock(Clock.fixed(Instant.parse("2026-04-02T07:00:00Z"), ZoneOffset.UTC)).runs(runs)
                .timeline(timeline(runs)).refusedDeliveries(refused());
        charts().forEach(builder::chart);
        return builder.build();
    }
}
