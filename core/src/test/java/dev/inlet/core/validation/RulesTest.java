package dev.inlet.core.validation;

import static dev.inlet.core.validation.Records.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.record.Validation;
import dev.inlet.core.record.Violation;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.DoubleNode;

class RulesTest {

    private static final Rules CHARGE = Rules.builder()
            .required("/id", "/amount")
            .nonNull("/id", "/amount")
            .type("/id", JsonType.STRING)
            .type("/amount", JsonType.NUMBER)
            .min("/amount", 0)
            .max("/amount", new BigDecimal("1000000.00"))
            .enumOf("/status", "paid", "refunded")
            .pattern("/email", "^[^@\\s]+@[^@\\s]+$")
            .dateTime("/created_at")
            .defaultValue("/currency", "usd")
            .build();

    @Test
    void aValidRecordPassesWithoutViolations() {
        Validation v = CHARGE.validate(json("{'id': 'ch_1', 'amount': 12.50, 'status': 'paid', "
                + "'email': 'a@b.example', 'created_at': '2024-05-01T12:00:00Z', 'currency': 'eur'}"));

        assertThat(v.violations()).isEmpty();
        assertThat(v.isValid()).isTrue();
    }

    @Test
    void everyBrokenRuleIsReportedWithItsPointerAndName() {
        Validation v = CHARGE.validate(json("{'id': null, 'amount': -1, 'status': 'pending', "
                + "'email': 'not an address', 'created_at': 'yesterday'}"));

        assertThat(v.violations()).extracting(Violation::pointer, Violation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/id", "non-null"),
                org.assertj.core.groups.Tuple.tuple("/amount", "min"),
                org.assertj.core.groups.Tuple.tuple("/status", "enum"),
                org.assertj.core.groups.Tuple.tuple("/email", "pattern"),
                org.assertj.core.groups.Tuple.tuple("/created_at", "date-time"));
        assertThat(v.violations().get(1).message()).isEqualTo("must be >= 0, was -1");
        assertThat(v.violations().get(2).message()).isEqualTo("must be one of [paid, refunded], was \"pending\"");
    }

    @Test
    void patternMessagesDoNotEchoTheValue() {
        Validation v = CHARGE.validate(json("{'id': 'x', 'amount': 1, 'email': 'jane.doe at example.com'}"));

        assertThat(v.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.rule()).isEqualTo("pattern");
            assertThat(violation.message()).doesNotContain("jane");
        });
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        Validation v = CHARGE.validate(json("{'amount': 3}"));

        assertThat(v.violations()).containsExactly(new Violation("/id", "required", "is required but missing"));
    }

    @Test
    void aPresentNullCountsAsPresentForRequiredButNotForNonNull() {
        Rules requiredOnly = Rules.builder().required("/id").build();
        Rules nonNullOnly = Rules.builder().nonNull("/id").build();

        assertThat(requiredOnly.validate(json("{'id': null}")).isValid()).isTrue();
        assertThat(nonNullOnly.validate(json("{'id': null}")).violations()).extracting(Violation::rule)
                .containsExactly("non-null");
        assertThat(nonNullOnly.validate(json("{}")).isValid()).isTrue();
    }

    @Test
    void valueChecksSkipAbsentAndNullOptionalFields() {
        Rules rules = Rules.builder().type("/n", JsonType.INTEGER).min("/n", 1).enumOf("/s", "a").build();

        assertThat(rules.validate(json("{}")).isValid()).isTrue();
        assertThat(rules.validate(json("{'n': null, 's': null}")).isValid()).isTrue();
    }

    @Test
    void aWrongTypeIsReportedOnceWithTheActualType() {
        Validation v = Rules.builder().type("/amount", JsonType.NUMBER).build().validate(json("{'amount': '12'}"));

        assertThat(v.violations()).containsExactly(new Violation("/amount", "type", "must be a number, was a string"));
    }

    @Test
    void aValueOfTheWrongTypeGetsOneViolationNotOnePerRule() {
        Rules rules = Rules.builder().type("/amount", JsonType.NUMBER).min("/amount", 0).max("/amount", 9)
                .pattern("/amount", "^[0-9]$").build();

        assertThat(rules.validate(json("{'amount': 'ten'}")).violations()).extracting(Violation::rule)
                .containsExactly("type");
    }

    @Test
    void integersIncludeWholeDecimalsButNotFractions() {
        Rules rules = Rules.builder().type("/n", JsonType.INTEGER).build();

        assertThat(rules.validate(json("{'n': 3}")).isValid()).isTrue();
        assertThat(rules.validate(json("{'n': 3.00}")).isValid()).isTrue();
        assertThat(rules.validate(json("{'n': 12345678901234567890123}")).isValid()).isTrue();
        assertThat(rules.validate(json("{'n': 3.5}")).isValid()).isFalse();
        assertThat(rules.validate(json("{'n': '3'}")).isValid()).isFalse();
    }

    @Test
    void minAndMaxAreInclusive() {
        Rules rules = Rules.builder().min("/n", 0).max("/n", 10).build();

        assertThat(rules.validate(json("{'n': 0}")).isValid()).isTrue();
        assertThat(rules.validate(json("{'n': 0.00}")).isValid()).isTrue();
        assertThat(rules.validate(json("{'n': 10}")).isValid()).isTrue();
        assertThat(rules.validate(json("{'n': -0.01}")).violations()).extracting(Violation::rule).containsExactly("min");
        assertThat(rules.validate(json("{'n': 10.001}")).violations()).extracting(Violation::rule).containsExactly("max");
    }

    @Test
    void minAndMaxCompareExactlyWithoutDoubleRounding() {
        Rules rules = Rules.builder().max("/amount", new BigDecimal("0.30")).build();

        assertThat(rules.validate(json("{'amount': 0.30}")).isValid()).isTrue();
        assertThat(rules.validate(json("{'amount': 0.30000000000000000001}")).violations())
                .extracting(Violation::rule).containsExactly("max");
    }

    @Test
    void minOnANonNumberOrANonFiniteNumberIsAViolationNotAnException() {
        Rules rules = Rules.builder().min("/amount", 0).build();
        JsonNode nan = Records.json("{}");
        ((tools.jackson.databind.node.ObjectNode) nan).set("amount", DoubleNode.valueOf(Double.NaN));

        assertThat(rules.validate(json("{'amount': 'lots'}")).violations()).singleElement()
                .extracting(Violation::rule, Violation::message).containsExactly("min", "must be a number >= 0, was a string");
        assertThat(rules.validate(nan).violations()).extracting(Violation::rule).containsExactly("min");
    }

    @Test
    void dateTimesNeedAnOffset() {
        Rules rules = Rules.builder().dateTime("/t").build();

        assertThat(rules.validate(json("{'t': '2024-05-01T12:00:00Z'}")).isValid()).isTrue();
        assertThat(rules.validate(json("{'t': '2024-05-01T14:00:00.250+02:00'}")).isValid()).isTrue();
        assertThat(rules.validate(json("{'t': '2024-05-01T12:00:00'}")).isValid()).isFalse();
        assertThat(rules.validate(json("{'t': '2024-05-01'}")).isValid()).isFalse();
        assertThat(rules.validate(json("{'t': '2024-02-30T12:00:00Z'}")).isValid()).isFalse();
        assertThat(rules.validate(json("{'t': 1714564800}")).isValid()).isFalse();
    }

    @Test
    void nestedFieldsAndArrayElementsAreReachedByPointer() {
        Rules rules = Rules.builder().required("/customer/email", "/lines/0/amount").build();

        Validation v = rules.validate(json("{'customer': {}, 'lines': [{'qty': 1}]}"));

        assertThat(v.violations()).extracting(Violation::pointer).containsExactly("/customer/email", "/lines/0/amount");
    }

    @Test
    void aRecordThatIsNotAnObjectIsRejectedNotThrown() {
        assertThat(CHARGE.validate(json("[1, 2]")).violations()).extracting(Violation::rule)
                .containsExactly("required", "required");
        assertThat(CHARGE.validate(json("'text'")).isValid()).isFalse();
        assertThat(CHARGE.validate(json("null")).isValid()).isFalse();
    }

    @Test
    void customChecksReportTheirOwnRuleName() {
        Rules rules = Rules.builder()
                .check("/currency", "currency-code", v -> v.isString() && v.stringValue().length() == 3,
                        "must be a three-letter ISO 4217 code")
                .build();

        assertThat(rules.validate(json("{'currency': 'euro'}")).violations())
                .containsExactly(new Violation("/currency", "currency-code", "must be a three-letter ISO 4217 code"));
        assertThat(rules.validate(json("{'currency': 'eur'}")).isValid()).isTrue();
    }

    @Test
    void aCustomCheckThatThrowsRejectsTheRecordInsteadOfEndingTheRun() {
        Rules rules = Rules.builder()
                .check("/code", "code-known", v -> v.stringValue().length() == 3, "must be a known code")
                .build();

        Validation v = rules.validate(json("{'code': 5}"));

        assertThat(v.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.rule()).isEqualTo("code-known");
            assertThat(violation.message()).startsWith("must be a known code (the check failed: ");
        });
    }

    @Test
    void rulesCanCheckTheRecordItself() {
        Rules rules = Rules.builder().type("", JsonType.OBJECT).build();

        assertThat(rules.validate(json("[]")).violations()).containsExactly(
                new Violation("", "type", "must be an object, was an array"));
    }

    @Nested
    class Defaults {

        @Test
        void aMissingOptionalFieldGetsItsDefaultInACopy() {
            JsonNode input = json("{'id': 'ch_1', 'amount': 5}");
            String before = input.toString();

            Validation v = CHARGE.validate(input);

            assertThat(v.isValid()).isTrue();
            assertThat(v.record().get("currency").stringValue()).isEqualTo("usd");
            assertThat(input.toString()).isEqualTo(before);
            assertThat(input.has("currency")).isFalse();
        }

        @Test
        void aNullOptionalFieldGetsItsDefaultToo() {
            Validation v = CHARGE.validate(json("{'id': 'ch_1', 'amount': 5, 'currency': null}"));

            assertThat(v.record().get("currency").stringValue()).isEqualTo("usd");
        }

        @Test
        void aPresentValueIsKeptAndTheRecordIsNotCopied() {
            JsonNode input = json("{'id': 'ch_1', 'amount': 5, 'currency': 'eur'}");

            Validation v = CHARGE.validate(input);

            assertThat(v.record()).isSameAs(input);
        }

        @Test
        void nestedDefaultsCopyOnlyThePathToTheField() {
            Rules rules = Rules.builder().defaultValue("/shipping/country", "us").build();
            JsonNode input = json("{'shipping': {'city': 'Oslo'}, 'lines': [{'qty': 1}]}");

            JsonNode out = rules.validate(input).record();

            assertThat(out.at("/shipping/country").stringValue()).isEqualTo("us");
            assertThat(out.at("/shipping/city").stringValue()).isEqualTo("Oslo");
            assertThat(out.get("lines")).isSameAs(input.get("lines"));
            assertThat(input.at("/shipping/country").isMissingNode()).isTrue();
        }

        @Test
        void aDefaultIsNotAppliedWhenItsParentObjectIsMissing() {
            Rules rules = Rules.builder().defaultValue("/shipping/country", "us").build();
            JsonNode input = json("{'id': 1}");

            assertThat(rules.validate(input).record()).isSameAs(input);
        }

        @Test
        void defaultsOfEveryKindAreFilled() {
            Rules rules = Rules.builder()
                    .defaultValue("/n", 7)
                    .defaultValue("/price", new BigDecimal("9.90"))
                    .defaultValue("/live", false)
                    .defaultValue("/tags", json("[]"))
                    .build();

            JsonNode out = rules.validate(json("{}")).record();

            assertThat(out.get("n").longValue()).isEqualTo(7);
            assertThat(out.get("price").decimalValue()).isEqualTo(new BigDecimal("9.90"));
            assertThat(out.get("live").booleanValue()).isFalse();
            assertThat(out.get("tags").isArray()).isTrue();
        }

        @Test
        void containerDefaultsAreNotSharedBetweenRecords() {
            Rules rules = Rules.builder().defaultValue("/tags", json("[]")).build();

            JsonNode first = rules.validate(json("{}")).record();
            ((tools.jackson.databind.node.ArrayNode) first.get("tags")).add("changed");
            JsonNode second = rules.validate(json("{}")).record();

            assertThat(second.get("tags").size()).isZero();
        }

        @Test
        void defaultedValuesAreCheckedLikeAnyOther() {
            Rules rules = Rules.builder().defaultValue("/currency", "usd").enumOf("/currency", "usd", "eur").build();

            assertThat(rules.validate(json("{}")).isValid()).isTrue();
            assertThat(rules.validate(json("{'currency': 'gbp'}")).isValid()).isFalse();
        }
    }

    @Nested
    class Misconfiguration {

        @Test
        void aPointerWithoutALeadingSlashIsRefusedWithASuggestion() {
            assertThatThrownBy(() -> Rules.builder().required("amount"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'/amount'");
        }

        @Test
        void theWholeRecordCannotBeRequiredOrDefaulted() {
            assertThatThrownBy(() -> Rules.builder().required(""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole record");
            assertThatThrownBy(() -> Rules.builder().defaultValue("", "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole record");
        }

        @Test
        void aBadRegularExpressionFailsWhenTheRuleIsAdded() {
            assertThatThrownBy(() -> Rules.builder().pattern("/email", "[a-"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pattern(/email)");
        }

        @Test
        void aRuleGivenTwiceForOneFieldIsRefused() {
            assertThatThrownBy(() -> Rules.builder().type("/a", JsonType.STRING).type("/a", JsonType.NUMBER))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("type(/a) was already given");
        }

        @Test
        void minAboveMaxIsRefused() {
            assertThatThrownBy(() -> Rules.builder().min("/a", 10).max("/a", 5).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("min 10 is greater than max 5");
        }

        @Test
        void aRequiredFieldCannotHaveADefault() {
            assertThatThrownBy(() -> Rules.builder().required("/c").defaultValue("/c", "usd").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("required and has a default");
        }

        @Test
        void aDefaultThatBreaksItsOwnRulesIsRefused() {
            assertThatThrownBy(() -> Rules.builder().enumOf("/c", "usd").defaultValue("/c", "gbp").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("breaks the field's own rules");
        }

        @Test
        void anEmptyEnumAndNullDefaultsAreRefused() {
            assertThatThrownBy(() -> Rules.builder().enumOf("/s"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Rules.builder().defaultValue("/s", json("null")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void changingTheBuilderAfterBuildDoesNotChangeBuiltRules() {
            Rules.Builder builder = Rules.builder().min("/a", 0);
            Rules built = builder.build();
            builder.required("/a").pattern("/a", "x");

            assertThat(built.validate(json("{}")).isValid()).isTrue();
            assertThat(built.toString()).doesNotContain("required");
        }
    }
}
