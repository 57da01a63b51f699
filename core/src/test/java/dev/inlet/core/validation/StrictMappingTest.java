package dev.inlet.core.validation;

import static dev.inlet.core.validation.Records.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.inlet.core.Connector;
import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.record.RecordMapper;
import dev.inlet.core.record.Rejection;
import dev.inlet.core.RunReport;
import dev.inlet.core.record.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictMappingTest {

    record Charge(String id, BigDecimal amount, long quantity, @JsonProperty("created_at") Instant createdAt,
            Optional<String> description, OptionalLong refundedCents) {
    }

    record Order(String id, List<Line> lines) {
    }

    record Line(String sku, BigDecimal amount) {
    }

    private static final RecordMapper<Charge> STRICT = StrictMapping.to(Charge.class);

    @Test
    void aCompleteRecordMapsWithExactDecimalsAndInstants() {
        Charge charge = STRICT.map(json("{'id': 'ch_1', 'amount': 12.50, 'quantity': 2, "
                + "'created_at': '2024-05-01T12:00:00Z', 'description': 'tea', 'extra': true}"));

        assertThat(charge.amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(charge.createdAt()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(charge.description()).contains("tea");
    }

    @Test
    void optionalComponentsMayBeAbsentOrNull() {
        Charge charge = STRICT.map(json("{'id': 'ch_1', 'amount': 1, 'quantity': 1, "
                + "'created_at': '2024-05-01T12:00:00Z', 'description': null}"));

        assertThat(charge.description()).isEmpty();
        assertThat(charge.refundedCents()).isEmpty();
    }

    @Test
    void aMissingRequiredComponentFailsNamingIt() {
        assertThatThrownBy(() -> STRICT.map(json("{'id': 'ch_1', 'quantity': 1, 'created_at': '2024-05-01T12:00:00Z'}")))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("'amount'");
    }

    @Test
    void aMissingPrimitiveIsNotSilentlyZero() {
        assertThatThrownBy(() -> STRICT.map(json("{'id': 'ch_1', 'amount': 1, 'created_at': '2024-05-01T12:00:00Z'}")))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("'quantity'");
        // The lenient default mapper would have said 0: this is what strict mapping prevents.
        assertThat(RecordMapper.to(Charge.class).map(json("{'id': 'ch_1', 'amount': 1}")).quantity()).isZero();
    }

    @Test
    void anExplicitNullForARequiredComponentFails() {
        assertThatThrownBy(() -> STRICT.map(json("{'id': null, 'amount': 1, 'quantity': 1, "
                + "'created_at': '2024-05-01T12:00:00Z'}")))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("\"id\"");
    }

    @Test
    void inAConnectorAMissingFieldIsARejectionWithItsPointerAndTheRunGoesOn() {
        Connector<Order> orders = Connector.builder("orders", InMemoryPages.of(List.of(List.of(
                        json("{'id': 'o1', 'lines': [{'sku': 'a', 'amount': 1}]}"),
                        json("{'id': 'o2', 'lines': [{'sku': 'a', 'amount': 1}, {'sku': 'b'}]}"),
                        json("{'lines': []}"),
                        json("{'id': 'o4', 'lines': [{'sku': 'c', 'amount': 'lots'}]}"),
                        json("{'id': 'o5', 'lines': []}")))))
                .mapper(StrictMapping.to(Order.class))
                .onInvalid(InvalidRecordPolicy.SKIP)
                .build();

        List<Order> delivered = orders.records().toList();

        assertThat(delivered).extracting(Order::id).containsExactly("o1", "o5");
        RunReport report = orders.lastReport().orElseThrow();
        assertThat(report.rejectedByRule()).containsEntry("mapping", 3L);
        assertThat(report.firstRejections())
                .extracting(Rejection::indexInPage, r -> r.violations().get(0).pointer())
                .containsExactly(tuple(1, "/lines/1/amount"), tuple(2, "/id"), tuple(3, "/lines/0/amount"));
        assertThat(report.firstRejections()).flatExtracting(Rejection::violations).extracting(Violation::rule)
                .containsOnly("mapping");
    }

    @Test
    void aCallersMapperBuilderCanBeMadeStrict() {
        JsonMapper mapper = StrictMapping.configure(JsonMapper.builder()).build();
        RecordMapper<Line> lines = RecordMapper.to(Line.class, mapper);

        assertThatThrownBy(() -> lines.map(json("{'sku': 'a'}"))).isInstanceOf(JacksonException.class);
        assertThat(lines.map(json("{'sku': 'a', 'amount': 0.1, 'unknown': 1}")).amount())
                .isEqualTo(new BigDecimal("0.1"));
    }
}
