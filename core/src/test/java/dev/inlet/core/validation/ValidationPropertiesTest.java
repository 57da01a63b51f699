package dev.inlet.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.record.RecordValidator;
import dev.inlet.core.record.Validation;
import dev.inlet.core.record.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Properties over random JSON: validators never throw for data (a bad record is a rejection), never
 * change their input, report only well-formed violations, and the rules and the schema that say the
 * same thing reach the same verdict.
 */
class ValidationPropertiesTest {

    private static final JsonSchemaValidator CHARGE_2020 = JsonSchemaValidator.builder()
            .schemaResource("validation/charge.schema.json").build();
    private static final JsonSchemaValidator CHARGE_DRAFT7 = JsonSchemaValidator.builder()
            .schemaResource("validation/charge-draft7.schema.json").build();

    /** A schema and rules that state the same constraints (types refuse null, as in JSON Schema). */
    private static final JsonSchemaValidator TWIN_SCHEMA = JsonSchemaValidator.builder().schema("""
            {"type": "object", "required": ["id", "amount", "status"],
             "properties": {
               "id": {"type": "string"},
               "amount": {"type": "number", "minimum": 0, "maximum": 1000},
               "status": {"enum": ["paid", "refunded"]},
               "created_at": {"type": "string", "format": "date-time"},
               "email": {"type": "string", "pattern": "^[^@]+@[^@]+$"},
               "count": {"type": "integer"},
               "tags": {"type": "array"}}}
            """).build();
    private static final Rules TWIN_RULES = Rules.builder()
            .type("", JsonType.OBJECT)
            .required("/id", "/amount", "/status")
            .nonNull("/id", "/amount", "/status", "/created_at", "/email", "/count", "/tags")
            .type("/id", JsonType.STRING)
            .type("/amount", JsonType.NUMBER).min("/amount", 0).max("/amount", 1000)
            .enumOf("/status", "paid", "refunded")
            .type("/created_at", JsonType.STRING).dateTime("/created_at")
            .type("/email", JsonType.STRING).pattern("/email", "^[^@]+@[^@]+$")
            .type("/count", JsonType.INTEGER)
            .type("/tags", JsonType.ARRAY)
            .build();

    private static final Rules EVERY_RULE = Rules.builder()
            .required("/id", "/customer/id")
            .nonNull("/amount")
            .type("/amount", JsonType.NUMBER).min("/amount", 0).max("/amount", new BigDecimal("1e6"))
            .enumOf("/status", "paid", "refunded")
            .pattern("/email", "@")
            .dateTime("/created_at")
            .check("/tags", "tags-small", tags -> tags.size() < 3, "must have fewer than 3 entries")
            .defaultValue("/currency", "usd")
            .defaultValue("/customer/country", "no")
            .defaultValue("/tags/0", "first")
            .build();

    private static final Coercions COERCE_ALL = Coercions.builder()
            .toDecimal("/amount", "/count")
            .toInstant("/created_at", EpochUnit.SECONDS)
            .toInstant("/email")
            .toBoolean("/livemode", "/status")
            .toDecimal("/tags/0")
            .build();

    @Provide
    Arbitrary<JsonNode> documents() {
        return JsonArbitraries.documents();
    }

    @Provide
    Arbitrary<JsonNode> charges() {
        return JsonArbitraries.chargeLike();
    }

    @Property(tries = 600)
    void theSchemaValidatorOnlyEverRejects(@ForAll("charges") JsonNode record) {
        for (JsonSchemaValidator schema : new JsonSchemaValidator[] {CHARGE_2020, CHARGE_DRAFT7}) {
            String before = record.toString();

            Validation v = schema.validate(record);

            assertThat(v.record()).isSameAs(record);
            assertThat(record.toString()).isEqualTo(before);
            assertWellFormed(record, v, "schema:");
            assertThat(v.violations()).extracting(Violation::rule).doesNotContain(JsonSchemaValidator.ERROR_RULE);
        }
        Statistics.label("valid (2020-12)").collect(CHARGE_2020.validate(record).isValid());
        Statistics.label("valid (2020-12)").coverage(coverage -> coverage.check(true).percentage(p -> p > 1));
    }

    @Property(tries = 600)
    void theSchemaValidatorOnlyEverRejectsArbitraryDocuments(@ForAll("documents") JsonNode record) {
        Validation v = CHARGE_2020.validate(record);

        assertWellFormed(record, v, "schema:");
        assertThat(v.violations()).extracting(Violation::rule).doesNotContain(JsonSchemaValidator.ERROR_RULE);
        assertThat(CHARGE_2020.validate(record.deepCopy()).violations()).as("deterministic").isEqualTo(v.violations());
    }

    @Property(tries = 1000)
    void rulesAndTheirTwinSchemaReachTheSameVerdict(@ForAll("charges") JsonNode record) {
        Validation byRules = TWIN_RULES.validate(record);
        Validation bySchema = TWIN_SCHEMA.validate(record);

        assertThat(byRules.isValid())
                .as("rules %s vs schema %s on %s", byRules.violations(), bySchema.violations(), record)
                .isEqualTo(bySchema.isValid());
        // The property says something only if both verdicts are common.
        Statistics.label("valid").collect(bySchema.isValid());
        Statistics.label("valid").coverage(coverage -> {
            coverage.check(true).percentage(p -> p > 10);
            coverage.check(false).percentage(p -> p > 10);
        });
    }

    @Property(tries = 600)
    void rulesOnlyEverRejectAndNeverChangeTheirInput(@ForAll("documents") JsonNode record) {
        String before = record.toString();

        Validation v = EVERY_RULE.validate(record);

        assertThat(record.toString()).isEqualTo(before);
        assertWellFormed(v.record(), v, "");
        assertThat(v.violations()).extracting(Violation::rule).allMatch(rule -> rule.equals("required")
                || rule.equals("non-null") || rule.equals("type") || rule.equals("min") || rule.equals("max")
                || rule.equals("enum") || rule.equals("pattern") || rule.equals("date-time")
                || rule.equals("tags-small"));
        if (record.isObject() && record.has("currency") && !record.get("currency").isNull()) {
            assertThat(v.record().get("currency")).isSameAs(record.get("currency"));
        }
        if (record.isObject() && (!record.has("currency") || record.get("currency").isNull())) {
            assertThat(v.record().get("currency").stringValue()).isEqualTo("usd");
        }
    }

    @Property(tries = 600)
    void coercionsOnlyEverRejectAndProduceTheTargetTypes(@ForAll("charges") JsonNode record) {
        String before = record.toString();

        Validation v = COERCE_ALL.validate(record);

        assertThat(record.toString()).isEqualTo(before);
        assertWellFormed(record, v, "coerce");
        JsonNode out = v.record();
        for (String decimal : new String[] {"/amount", "/count"}) {
            if (!failed(v, decimal) && present(out, decimal)) {
                assertThat(out.at(decimal).isNumber()).as(decimal).isTrue();
            }
        }
        if (!failed(v, "/created_at") && present(out, "/created_at")) {
            assertThat(Instant.parse(out.at("/created_at").stringValue())).isNotNull();
        }
        if (!failed(v, "/status") && present(out, "/status")) {
            assertThat(out.at("/status").isBoolean()).isTrue();
        }
        if (v.isValid() && out != record) {
            assertThat(out.toString()).isNotEqualTo(before);
        }
    }

    @Property(tries = 1000)
    void decimalStringsBecomeExactlyTheirValue(@ForAll BigDecimal amount) {
        Coercions coercions = Coercions.builder().toDecimal("/amount").build();
        for (String text : new String[] {amount.toPlainString(), amount.toString()}) {
            JsonNode record = Records.json("{}");
            ((tools.jackson.databind.node.ObjectNode) record).set("amount", StringNode.valueOf(text));

            BigDecimal out = coercions.validate(record).record().get("amount").decimalValue();

            assertThat(out).isEqualTo(amount);
        }
    }

    @Property(tries = 1000)
    void epochTimestampsBecomeTheSameInstant(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long seconds,
            @ForAll @LongRange(min = 0, max = 999) long millis) {
        Coercions coercions = Coercions.builder().toInstant("/s", EpochUnit.SECONDS)
                .toInstant("/ms", EpochUnit.MILLISECONDS).build();
        Instant expected = Instant.ofEpochSecond(seconds, millis * 1_000_000);
        String secondsText = BigDecimal.valueOf(seconds).add(BigDecimal.valueOf(millis, 3)).toPlainString();
        long epochMillis = seconds * 1000 + millis;

        JsonNode out = coercions.validate(Records.json("{'s': '" + secondsText + "', 'ms': " + epochMillis + "}")).record();

        assertThat(Instant.parse(out.get("s").stringValue())).isEqualTo(expected);
        assertThat(Instant.parse(out.get("ms").stringValue())).isEqualTo(expected);
    }

    @Property(tries = 300)
    void composedValidatorsNeverThrow(@ForAll("charges") JsonNode record) {
        RecordValidator all = COERCE_ALL.andThen(EVERY_RULE).andThen(CHARGE_2020);

        Validation v = all.validate(record);

        assertThat(v.record()).isNotNull();
        assertThat(v.violations()).allSatisfy(violation -> assertThat(violation.message()).isNotBlank());
    }

    private static boolean failed(Validation v, String pointer) {
        return v.violations().stream().anyMatch(x -> x.pointer().equals(pointer));
    }

    private static boolean present(JsonNode record, String pointer) {
        JsonNode value = record.at(pointer);
        return !value.isMissingNode() && !value.isNull();
    }

    /**
     * Violations have a rule of the expected family, a message, and a pointer into the record: to the
     * offending value itself, or for a missing field ({@code required}) to where it should be.
     */
    private static void assertWellFormed(JsonNode record, Validation v, String rulePrefix) {
        for (Violation violation : v.violations()) {
            assertThat(violation.rule()).startsWith(rulePrefix);
            assertThat(violation.message()).isNotBlank();
            String pointer = violation.pointer();
            assertThat(pointer.isEmpty() || pointer.startsWith("/")).as(pointer).isTrue();
            JsonNode target = record.at(JsonPointer.compile(pointer));
            if (violation.rule().endsWith("required")) {
                assertThat(target.isMissingNode()).as("%s is missing in %s", pointer, record).isTrue();
            } else {
                assertThat(target.isMissingNode()).as("%s is in %s", pointer, record).isFalse();
            }
        }
    }
}
