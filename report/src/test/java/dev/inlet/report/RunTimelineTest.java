package dev.inlet.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.InletListener;
import dev.inlet.core.Position;
import dev.inlet.core.testing.FakeClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RunTimelineTest {

    private final FakeClock clock = new FakeClock(Instant.parse("2026-04-02T06:00:00Z"));

    @Test
    void stampsEachEventWithTheClockInArrivalOrder() {
        RunTimeline timeline = RunTimeline.builder().clock(clock).build();
        timeline.pageDone(page(100, 0));
        clock.advance(Duration.ofMillis(250));
        timeline.retryScheduled(new InletListener.RetryScheduled("c", "GET", "https://x/y", 2, Duration.ofSeconds(3),
                "HTTP 503"));
        clock.advance(Duration.ofMillis(250));
        timeline.pageDone(page(98, 2));
        timeline.connectorDone(SampleReport.runs().get(0));

        assertThat(timeline.events()).extracting(TimelineEvent::kind).containsExactly(TimelineEvent.Kind.PAGE,
                TimelineEvent.Kind.RETRY, TimelineEvent.Kind.PAGE, TimelineEvent.Kind.QUARANTINE,
                TimelineEvent.Kind.RUN_DONE);
        assertThat(timeline.events()).extracting(TimelineEvent::at).containsExactly(
                Instant.parse("2026-04-02T06:00:00Z"), Instant.parse("2026-04-02T06:00:00.250Z"),
                Instant.parse("2026-04-02T06:00:00.500Z"), Instant.parse("2026-04-02T06:00:00.500Z"),
                Instant.parse("2026-04-02T06:00:00.500Z"));
        TimelineEvent retry = timeline.events().get(1);
        assertThat(retry.count()).as("the failed attempt").isEqualTo(2);
        assertThat(retry.duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(retry.detail()).isEqualTo("HTTP 503");
        assertThat(timeline.events().get(3).count()).as("records rejected from the page").isEqualTo(2);
        assertThat(timeline.reports()).extracting(r -> r.connector()).containsExactly("stripe-charges");
    }

    @Test
    void keepsAtMostItsCapacityAndCountsTheRestAndTheReportSaysSo() {
        RunTimeline timeline = RunTimeline.builder().clock(clock).capacity(3).build();
        for (int i = 0; i < 5; i++) {
            timeline.pageDone(page(10, 0));
        }
        assertThat(timeline.events()).hasSize(3);
        assertThat(timeline.dropped()).isEqualTo(2);
        String html = HtmlReport.builder().clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).timeline(timeline).build()
                .render();
        assertThat(html).contains("2 later events are not shown: the timeline was full.");
        assertThatThrownBy(() -> RunTimeline.builder().capacity(0)).hasMessageContaining("at least 1, was 0");
    }

    @Test
    void recordsFromManyThreadsWithoutLosingAnEvent() throws Exception {
        RunTimeline timeline = RunTimeline.builder().clock(clock).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        timeline.pageDone(page(1, 0));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(timeline.events()).hasSize(4_000);
        assertThat(timeline.dropped()).isZero();
    }

    @Test
    void seriesByFoldsTheSmallestValuesIntoOneOtherSeries() {
        List<dev.inlet.core.metrics.Point> points = new ArrayList<>();
        var day = SampleReport.FIRST_DAY.atStartOfDay(SampleReport.ZONE);
        for (int i = 0; i < 10; i++) {
            points.add(new dev.inlet.core.metrics.Point(day, java.util.Map.of("country", "c" + i),
                    java.util.Map.of("orders", java.math.BigDecimal.valueOf(100 - i))));
        }
        var series = new dev.inlet.core.metrics.TimeSeries(dev.inlet.core.metrics.Grain.DAY, SampleReport.ZONE,
                List.of("country"), List.of("orders"), points, 0);
        Chart chart = Chart.bar("Orders by country").seriesBy(series, "orders", "country").build();
        assertThat(chart.series()).hasSize(Chart.MAX_SERIES);
        assertThat(chart.series()).extracting(ChartSeries::label).containsExactly("orders c0", "orders c1", "orders c2",
                "orders c3", "orders c4", "orders c5", "orders c6", "orders other (3)");
        assertThat(chart.series().get(7).points().get(0).value()).as("93 + 92 + 91").isEqualByComparingTo("276");
    }

    private static InletListener.PageDone page(int records, int rejected) {
        return new InletListener.PageDone("c", Position.start(), Optional.empty(), records, rejected,
                Duration.ofMillis(20));
    }
}
