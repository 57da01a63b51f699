package dev.inlet.core.validation;

import static dev.inlet.core.validation.Records.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.record.RecordValidator;
import dev.inlet.core.record.Validation;
import dev.inlet.core.record.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class CoercionsTest {

    private static final Coercions COERCIONS = Coercions.builder()
            .toDecimal("/amount")
            .toInstant("/created", EpochUnit.SECONDS)
            .toInstant("/updated_ms", EpochUnit.MILLISECONDS)
            .toInstant("/paid_at")
            .toBoolean("/livemode")
            .build();

    @Test
    void numericStringsBecomeExactDecimalsWithTheirScale() {
        JsonNode out = COERCIONS.validate(json("{'amount': '12.50'}")).record();

        assertThat(out.get("amount").isBigDecimal()).isTrue();
        assertThat(out.get("amount").decimalValue()).isEqualTo(new BigDecimal("12.50"));
        assertThat(out.get("amount").decimalValue().scale()).isEqualTo(2);
    }

    @Test
    void decimalsThatADoubleWouldRoundStayExact() {
        String digits = "12345678901234567890.12345678901234567890";

        JsonNode out = COERCIONS.validate(json("{'amount': '" + digits + "'}")).record();

        assertThat(out.get("amount").decimalValue()).isEqualTo(new BigDecimal(digits));
        BigDecimal sum = COERCIONS.validate(json("{'amount': '0.1'}")).record().get("amount").decimalValue()
                .add(COERCIONS.validate(json("{'amount': '0.2'}")).record().get("amount").decimalValue());
        assertThat(sum).isEqualTo(new BigDecimal("0.3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "N/A", "12 USD", " 12", "1,000.00", "NaN", "Infinity", "0x10", "1e999999", "--1", "."})
    void stringsThatAreNotNumbersAreReportedNotThrown(String text) {
        JsonNode input = json("{'amount': 'x'}");
        ((tools.jackson.databind.node.ObjectNode) input).put("amount", text);

        Validation v = COERCIONS.validate(input);

        assertThat(v.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/amount");
            assertThat(violation.rule()).isEqualTo("coerce");
            assertThat(violation.message()).startsWith("cannot be read as a decimal number, was ");
        });
        assertThat(v.record()).isSameAs(input);
    }

    @Test
    void numbersAndBooleansAlreadyInTheTargetFormAreNotCopied() {
        JsonNode input = json("{'amount': 12.5, 'livemode': true, 'paid_at': '2024-05-01T12:00:00Z'}");

        Validation v = COERCIONS.validate(input);

        assertThat(v.isValid()).isTrue();
        assertThat(v.record()).isSameAs(input);
    }

    @Test
    void absentAndNullFieldsAreLeftToTheRules() {
        JsonNode input = json("{'amount': null}");

        Validation v = COERCIONS.validate(input);

        assertThat(v.isValid()).isTrue();
        assertThat(v.record()).isSameAs(input);
    }

    @ParameterizedTest
    @CsvSource({
        "/created, 1714564800, 2024-05-01T12:00:00Z",
        "/created, '\"1714564800\"', 2024-05-01T12:00:00Z",
        "/created, 1714564800.5, 2024-05-01T12:00:00.500Z",
        "/created, -1, 1969-12-31T23:59:59Z",
        "/created, '\"2024-05-01T14:00:00+02:00\"', 2024-05-01T12:00:00Z",
        "/updated_ms, 1714564800123, 2024-05-01T12:00:00.123Z",
        "/updated_ms, '\"-1\"', 1969-12-31T23:59:59.999Z",
        "/created, 31556889864403199, +1000000000-12-31T23:59:59Z",
        "/updated_ms, 1714564800123.000001, 2024-05-01T12:00:00.123000001Z",
        "/paid_at, '\"2024-05-01T12:00:00.000-05:00\"', 2024-05-01T17:00:00Z",
    })
    void timestampsBecomeIsoInstantsInUtc(String pointer, String jsonValue, String expected) {
        String field = pointer.substring(1);
        JsonNode out = COERCIONS.validate(json("{'" + field + "': " + jsonValue.replace('"', '\'') + "}")).record();

        assertThat(out.get(field).stringValue()).isEqualTo(expected);
        assertThat(Instant.parse(out.get(field).stringValue())).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({
        "/paid_at, 1714564800",
        "/paid_at, '\"1714564800\"'",
        "/created, '\"yesterday\"'",
        "/created, '\"2024-05-01T12:00:00\"'",
        "/created, 1714564800.0000000001",
        "/created, 1e30",
        "/created, true",
        "/updated_ms, '\"\"'",
        "/created, 99999999999999999",
        "/created, '\"-99999999999999999\"'",
        "/updated_ms, '\"99999999999999999999999\"'",
        "/updated_ms, '\"-\"'",
    })
    void timestampsThatCannotBeReadAreReported(String pointer, String jsonValue) {
        String field = pointer.substring(1);

        Validation v = COERCIONS.validate(json("{'" + field + "': " + jsonValue.replace('"', '\'') + "}"));

        assertThat(v.violations()).singleElement().extracting(Violation::pointer, Violation::rule)
                .containsExactly(pointer, "coerce");
    }

    @Test
    void theMessageNamesTheAcceptedForms() {
        assertThat(COERCIONS.validate(json("{'paid_at': 5}")).violations().get(0).message())
                .isEqualTo("cannot be read as an ISO-8601 date-time with an offset, was 5");
        assertThat(COERCIONS.validate(json("{'created': 'soon'}")).violations().get(0).message())
                .isEqualTo("cannot be read as epoch seconds or an ISO-8601 date-time with an offset, was \"soon\"");
    }

    @Test
    void onlyExactTrueAndFalseStringsBecomeBooleans() {
        assertThat(COERCIONS.validate(json("{'livemode': 'true'}")).record().get("livemode").booleanValue()).isTrue();
        assertThat(COERCIONS.validate(json("{'livemode': 'false'}")).record().get("livemode").isBoolean()).isTrue();
        for (String refused : new String[] {"'TRUE'", "'yes'", "'1'", "1", "0"}) {
            assertThat(COERCIONS.validate(json("{'livemode': " + refused + "}")).violations())
                    .as(refused).extracting(Violation::rule).containsExactly("coerce");
        }
    }

    @Test
    void nestedFieldsAreCoercedInACopyThatSharesTheRest() {
        Coercions coercions = Coercions.builder().toDecimal("/lines/1/amount").build();
        JsonNode input = json("{'lines': [{'amount': '1.00'}, {'amount': '2.50'}], 'customer': {'id': 'c'}}");
        String before = input.toString();

        JsonNode out = coercions.validate(input).record();

        assertThat(out.at("/lines/1/amount").decimalValue()).isEqualTo(new BigDecimal("2.50"));
        assertThat(out.at("/lines/0")).isSameAs(input.at("/lines/0"));
        assertThat(out.get("customer")).isSameAs(input.get("customer"));
        assertThat(input.toString()).isEqualTo(before);
    }

    @Test
    void everyFailedFieldIsReportedAndTheGoodOnesAreStillConverted() {
        Validation v = COERCIONS.validate(json("{'amount': 'ten', 'livemode': 'true', 'created': 'soon'}"));

        assertThat(v.violations()).extracting(Violation::pointer).containsExactly("/amount", "/created");
        assertThat(v.record().get("livemode").isBoolean()).isTrue();
    }

    @Test
    void coercionsRunBeforeRulesWhenComposed() {
        RecordValidator validator = COERCIONS.andThen(Rules.builder()
                .type("/amount", JsonType.NUMBER).min("/amount", 0)
                .dateTime("/created")
                .type("/livemode", JsonType.BOOLEAN)
                .build());

        Validation ok = validator.validate(json("{'amount': '0.01', 'created': 1714564800, 'livemode': 'false'}"));
        Validation bad = validator.validate(json("{'amount': '-0.01'}"));

        assertThat(ok.violations()).isEmpty();
        assertThat(ok.record().get("created").stringValue()).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(bad.violations()).extracting(Violation::rule).containsExactly("min");
    }

    @Test
    void aFieldCanHaveOnlyOneConversion() {
        assertThatThrownBy(() -> Coercions.builder().toDecimal("/a").toBoolean("/a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already has a conversion");
        assertThatThrownBy(() -> Coercions.builder().toDecimal(""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Coercions.builder().toInstant("/t", null))
                .isInstanceOf(NullPointerException.class);
    }
}
