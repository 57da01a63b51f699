package dev.inlet.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inlet.core.metrics.Grain;
import dev.inlet.core.metrics.TimeSeries;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Metrics are checked against their stream's schema at load and computed by core's Aggregation. */
class MetricsTest {

    static final String STREAM = """
            inlet: 1
            name: shop
            base_url: https://shop.test
            streams:
              charges:
                path: /charges
                schema:
                  type: object
                  properties:
                    id: {type: string}
                    amount: {type: integer}
                    currency: {type: string}
                    paid: {type: boolean}
                    created: {type: integer}
                    customer: {type: string}
              untyped: {path: /untyped}
            metrics:
            """;

    static Definition definition(String metric) {
        return RestStreamTest.yaml(STREAM + metric.indent(2));
    }

    static DefinitionException error(String metric) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> definition(metric));
        assertThat(e).isNotNull();
        return e;
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode charge(String id, long amount, String currency, boolean paid, long created) {
        return JSON.valueToTree(Map.of("id", id, "amount", amount, "currency", currency, "paid", paid,
                "created", created, "customer", "cus_" + (amount % 2)));
    }

    @Test
    void aSumWithAFilterAndADimensionIsComputedByDayInItsZone() {
        Definition definition = definition("""
                revenue:
                  description: Paid amounts per day and currency.
                  owner: finance
                  stream: charges
                  measure: sum
                  field: /amount
                  time: /created
                  filters: [{field: /paid, equals: true}]
                  dimensions: [/currency]
                  grain: day
                  zone: Europe/Berlin
                """);
        MetricDefinition revenue = definition.metric("revenue").orElseThrow();
        assertThat(revenue.grain()).isEqualTo(Grain.DAY);
        assertThat(revenue.owner()).contains("finance");
        long day = 1767225600L; // 2026-01-01T00:00:00Z, 01:00 in Berlin
        TimeSeries series = revenue.aggregate(Stream.of(charge("a", 100, "eur", true, day),
                charge("b", 50, "eur", true, day + 60), charge("c", 999, "eur", false, day),
                charge("d", 7, "usd", true, day)));
        assertThat(series.total("revenue")).isEqualByComparingTo("157");
        assertThat(series.find("2026-01-01", Map.of("currency", "eur"))).get()
                .satisfies(p -> assertThat(p.toString()).contains("150"));
    }

    @Test
    void countAndDistinctCountNeedTheirFields() {
        Definition definition = definition("""
                charges_per_week: {description: Charges., stream: charges, measure: count, time: /created, grain: week}
                customers: {description: Customers., stream: charges, measure: distinct_count, field: /customer, time: /created}
                """);
        assertThat(definition.metrics()).extracting(MetricDefinition::name).containsExactly("charges_per_week",
                "customers");
        long day = 1767225600L;
        assertThat(definition.metric("customers").orElseThrow().aggregate(Stream.of(charge("a", 1, "eur", true, day),
                charge("b", 3, "eur", true, day), charge("c", 2, "eur", true, day))).total("customers"))
                .isEqualByComparingTo("2");
    }

    @Test
    void aFieldMissingFromTheSchemaIsAnErrorWithASuggestion() {
        DefinitionException e = error("""
                revenue: {description: R., stream: charges, measure: sum, field: /amont, time: /created}
                """);
        assertThat(e.line() + ":" + e.column() + " " + e.path()).isEqualTo("18:68 metrics.revenue.field");
        assertThat(e.suggestion()).contains("/amount");
    }

    @Test
    void summingABooleanIsAnErrorButANumericStringIsNot() {
        DefinitionException e = error("""
                revenue: {description: R., stream: charges, measure: sum, field: /paid, time: /created}
                """);
        assertThat(e.problem()).isEqualTo("field /paid is of type boolean in the stream's schema");
        assertThat(e.expected()).contains("a field of type number or integer or string");
    }

    @Test
    void aStreamWithoutSchemaCannotCarryAMetric() {
        DefinitionException e = error("""
                n: {description: N., stream: untyped, measure: count, time: /created}
                """);
        assertThat(e.path()).isEqualTo("metrics.n.stream");
        assertThat(e.problem()).contains("declares no `schema` or `rules`");
    }

    @Test
    void otherMetricMistakesAreNamed() {
        assertThat(error("n: {description: N., stream: charge, measure: count, time: /created}\n").suggestion())
                .contains("charges");
        assertThat(error("n: {description: N., stream: charges, measure: median, field: /amount}\n").expected())
                .get().asString().contains("count, sum, average, distinct_count");
        assertThat(error("n: {description: N., stream: charges, measure: count, field: /amount, time: /created}\n")
                .path()).isEqualTo("metrics.n.field");
        assertThat(error("n: {description: N., stream: charges, measure: count}\n").problem())
                .contains("no `time`");
        assertThat(error("n: {description: N., stream: charges, measure: count, time: /created, zone: Mars/Base}\n")
                .path()).isEqualTo("metrics.n.zone");
        assertThat(error("n: {description: N., stream: charges, measure: count, time: /created, filters: [{field: "
                + "/paid}]}\n").problem()).contains("exactly one of `equals` and `not`");
        assertThat(error("n: {description: N., stream: charges, measure: count, time: /created, dimensions: [/cur]}\n")
                .path()).isEqualTo("metrics.n.dimensions");
    }
}
