package dev.inlet.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AggregationTest {

    record Order(Instant at, BigDecimal amount, String country, String customer) {
    }

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Order order(String at, String amount, String country, String customer) {
        return new Order(Instant.parse(at), amount == null ? null : new BigDecimal(amount), country, customer);
    }

    private static Aggregation.Builder<Order> everyMetric() {
        return Aggregation.<Order>builder(Order::at).count("orders").sum("revenue", Order::amount)
                .average("avg", Order::amount).min("min", Order::amount).max("max", Order::amount)
                .distinctCount("customers", Order::customer);
    }

    @Test
    void everyAggregateOfOneDay() {
        TimeSeries series = everyMetric().build().aggregate(Stream.of(
                order("2026-05-01T08:00:00Z", "10.10", "DE", "a"),
                order("2026-05-01T09:00:00Z", "0.20", "DE", "b"),
                order("2026-05-01T23:59:59Z", "5.00", "FR", "a"),
                order("2026-05-02T00:00:00Z", "7.00", "FR", "c")));

        assertThat(series.points()).hasSize(2);
        Point first = series.points().get(0);
        assertThat(first.start().toString()).startsWith("2026-05-01T00:00Z");
        assertThat(first.values()).containsEntry("orders", new BigDecimal("3"))
                .containsEntry("revenue", new BigDecimal("15.30"))
                .containsEntry("avg", new BigDecimal("5.1000"))
                .containsEntry("min", new BigDecimal("0.20"))
                .containsEntry("max", new BigDecimal("10.10"))
                .containsEntry("customers", new BigDecimal("2"));
        assertThat(series.points().get(1).values()).containsEntry("orders", BigDecimal.ONE);
        assertThat(series.total("revenue")).isEqualByComparingTo("22.30");
    }

    @Test
    void missingValuesAreLeftOutNotCountedAsZero() {
        TimeSeries series = everyMetric().build().aggregate(Stream.of(
                order("2026-05-01T08:00:00Z", "4", "DE", "a"), order("2026-05-01T09:00:00Z", null, "DE", "b")));
        Point p = series.points().get(0);
        assertThat(p.value("orders")).contains(new BigDecimal("2"));
        assertThat(p.value("avg")).contains(new BigDecimal("4.0000"));
        assertThat(p.value("min")).contains(new BigDecimal("4"));
    }

    @Test
    void daysFollowTheZonesCalendarAcrossDaylightSavingChanges() {
        // Every UTC hour from 2026-03-28T20:00Z to 2026-03-30T02:00Z, and around the autumn change.
        List<Order> hourly = new ArrayList<>();
        for (Instant t = Instant.parse("2026-03-28T20:00:00Z"); t.isBefore(Instant.parse("2026-03-30T02:00:00Z"));
                t = t.plus(Duration.ofHours(1))) {
            hourly.add(new Order(t, BigDecimal.ONE, "DE", "x"));
        }
        for (Instant t = Instant.parse("2026-10-24T20:00:00Z"); t.isBefore(Instant.parse("2026-10-26T02:00:00Z"));
                t = t.plus(Duration.ofHours(1))) {
            hourly.add(new Order(t, BigDecimal.ONE, "DE", "x"));
        }
        TimeSeries days = Aggregation.<Order>builder(Order::at).zone(BERLIN).count("orders").build()
                .aggregate(hourly.stream());

        assertThat(days.find("2026-03-29", Map.of())).hasValueSatisfying(p -> {
            assertThat(p.value("orders")).contains(new BigDecimal("23"));
            assertThat(p.start().getOffset().getTotalSeconds()).isEqualTo(3600);
        });
        assertThat(days.find("2026-10-25", Map.of())).hasValueSatisfying(p ->
                assertThat(p.value("orders")).contains(new BigDecimal("25")));
    }

    @Test
    void theRepeatedAutumnHourIsTwoBuckets() {
        Stream<Order> orders = Stream.of(order("2026-10-25T00:30:00Z", "1", "DE", "a"),
                order("2026-10-25T01:30:00Z", "2", "DE", "b"));
        TimeSeries hours = Aggregation.<Order>builder(Order::at).grain(Grain.HOUR).zone(BERLIN)
                .sum("revenue", Order::amount).build().aggregate(orders);

        assertThat(hours.points()).hasSize(2);
        assertThat(hours.points()).extracting(p -> p.start().toLocalTime().toString()).containsExactly("02:00", "02:00");
        assertThat(hours.points()).extracting(p -> p.start().getOffset().getTotalSeconds()).containsExactly(7200, 3600);
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        Stream<Order> orders = Stream.of(order("2026-06-07T12:00:00Z", "1", "DE", "a"),  // a Sunday
                order("2026-06-08T12:00:00Z", "1", "DE", "a"));                            // a Monday
        TimeSeries weeks = Aggregation.<Order>builder(Order::at).grain(Grain.WEEK).count("n").build().aggregate(orders);
        assertThat(weeks.points()).extracting(p -> p.start().toLocalDate().toString())
                .containsExactly("2026-06-01", "2026-06-08");

        TimeSeries months = Aggregation.<Order>builder(Order::at).grain(Grain.MONTH).zone(BERLIN).count("n").build()
                .aggregate(Stream.of(order("2026-06-30T22:30:00Z", "1", "DE", "a")));
        assertThat(months.points()).extracting(p -> p.start().toLocalDate().toString()).containsExactly("2026-07-01");
    }

    @Test
    void dimensionsSplitBucketsAndGapsAreFilledWhereAsked() {
        Aggregation<Order> byCountry = everyMetric().dimension("country", Order::country).fillGaps().build();
        TimeSeries series = byCountry.aggregate(Stream.of(order("2026-05-01T08:00:00Z", "1", "DE", "a"),
                order("2026-05-03T08:00:00Z", "2", "FR", "b")));

        assertThat(series.points()).hasSize(6);
        Point emptyDay = series.find("2026-05-02", Map.of("country", "DE")).orElseThrow();
        assertThat(emptyDay.value("orders")).contains(BigDecimal.ZERO);
        assertThat(emptyDay.value("revenue")).contains(BigDecimal.ZERO);
        assertThat(emptyDay.value("avg")).isEmpty();
        assertThat(emptyDay.value("customers")).contains(BigDecimal.ZERO);

        TimeSeries ranged = Aggregation.<Order>builder(Order::at).count("n")
                .fillGaps(Instant.parse("2026-04-29T00:00:00Z"), Instant.parse("2026-05-02T00:00:00Z")).build()
                .aggregate(Stream.of(order("2026-05-01T08:00:00Z", "1", "DE", "a")));
        assertThat(ranged.points()).extracting(p -> p.value("n").orElseThrow().intValue()).containsExactly(0, 0, 1);
    }

    @Test
    void recordsWithoutATimeAreCountedNotDropped() {
        TimeSeries series = Aggregation.<Order>builder(Order::at).count("n").build()
                .aggregate(Stream.of(new Order(null, BigDecimal.ONE, "DE", "a"), order("2026-05-01T00:00:00Z", "1",
                        "DE", "a")));
        assertThat(series.unplaced()).isEqualTo(1);
        assertThat(series.total("n")).isEqualByComparingTo("1");
    }

    @Test
    void aLazyStreamIsConsumedOnceAndClosed() {
        AtomicBoolean closed = new AtomicBoolean();
        Stream<Order> lazy = IntStream.range(0, 10_000)
                .mapToObj(i -> new Order(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L),
                        BigDecimal.ONE, "DE", "c" + (i % 10)))
                .onClose(() -> closed.set(true));
        TimeSeries series = everyMetric().build().aggregate(lazy);
        assertThat(closed).isTrue();
        assertThat(series.total("orders")).isEqualByComparingTo("10000");
        assertThat(series.points()).hasSize(7);
    }

    @Test
    void parallelCollectionAgreesWithSequential() {
        List<Order> orders = IntStream.range(0, 5_000).mapToObj(i -> new Order(
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 977L), new BigDecimal(i % 97).movePointLeft(2),
                i % 2 == 0 ? "DE" : "FR", "c" + (i % 13))).toList();
        Aggregation<Order> agg = everyMetric().dimension("country", Order::country).build();
        assertThat(orders.parallelStream().collect(agg.collector())).isEqualTo(orders.stream().collect(agg.collector()));
    }

    @Test
    void eventsAddedFromManyThreadsAreAllCounted() throws InterruptedException {
        Accumulator<Order> live = Aggregation.<Order>builder(Order::at).count("n").build().newAccumulator();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    live.add(order("2026-05-01T08:00:00Z", "1", "DE", "a"));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertThat(live.result().total("n")).isEqualByComparingTo("8000");
        assertThat(live.added()).isEqualTo(8000);
    }

    @Test
    void csvAndJsonExports() {
        TimeSeries series = Aggregation.<Order>builder(Order::at).dimension("country", Order::country)
                .sum("revenue", Order::amount).average("avg", Order::amount).build()
                .aggregate(Stream.of(order("2026-05-01T08:00:00Z", "1.50", "D,E", "a")));
        assertThat(series.toCsv()).isEqualTo("start,country,revenue,avg\n2026-05-01T00:00:00Z,\"D,E\",1.50,1.5000\n");
        JsonNode json = Json.mapper().readTree(series.toJson());
        assertThat(json.get("grain").asString()).isEqualTo("DAY");
        assertThat(json.at("/points/0/values/revenue").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(json.at("/points/0/dimensions/country").asString()).isEqualTo("D,E");
    }

    @Test
    void jsonRecordsThroughFieldReaders() {
        List<JsonNode> records = List.of(
                Json.mapper().readTree("{\"created\":1777622400,\"amount\":\"12.50\",\"plan\":\"pro\"}"),
                Json.mapper().readTree("{\"created\":\"2026-05-01T10:00:00+02:00\",\"amount\":2.5,\"plan\":\"pro\"}"),
                Json.mapper().readTree("{\"created\":1777622400000,\"plan\":\"free\"}"));
        TimeSeries series = Aggregation.builder(Fields.instant("/created")).dimension("plan", Fields.text("/plan"))
                .sum("mrr", Fields.decimal("/amount")).count("n").build().aggregate(records.stream());
        assertThat(series.find("2026-05-01", Map.of("plan", "pro")).orElseThrow().value("mrr"))
                .contains(new BigDecimal("15.00"));
        assertThat(series.find("2026-05-01", Map.of("plan", "free")).orElseThrow().value("mrr"))
                .contains(BigDecimal.ZERO);
    }

    @Test
    void misconfigurationIsRefusedAtBuildTime() {
        assertThatThrownBy(() -> Aggregation.<Order>builder(Order::at).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least one metric");
        assertThatThrownBy(() -> Aggregation.<Order>builder(Order::at).count("n").count("n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("used twice");
    }
}
