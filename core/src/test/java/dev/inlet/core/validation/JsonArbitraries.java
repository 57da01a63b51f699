package dev.inlet.core.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Random JSON for property tests: any document at all, and "charge-like" objects whose fields are
 * usually, but not always, of the expected type, so that both valid and invalid records are common.
 */
final class JsonArbitraries {

    /** Field names the test schemas and rules talk about, plus awkward ones. */
    static final List<String> KNOWN_KEYS = List.of("id", "amount", "status", "created_at", "email", "count",
            "tags", "customer", "currency", "livemode", "a/b", "x~y", "");

    /** Date-time strings on which ISO-8601 (rules) and RFC 3339 (schema) agree. */
    static final List<String> DATE_TIMES = List.of("2024-05-01T12:00:00Z", "2024-05-01T14:00:00.250+02:00",
            "1999-12-31T23:59:59-08:00", "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2024-05-01T12:00:00",
            "2024-05-01", "12:00:00Z", "2024-13-01T00:00:00Z", "yesterday", "");

    private JsonArbitraries() {
    }

    /** Any JSON document up to a few levels deep. */
    static Arbitrary<JsonNode> documents() {
        return Arbitraries.recursive(JsonArbitraries::scalars, JsonArbitraries::containersOf, 0, 4);
    }

    /**
     * Objects shaped like a charge: each field is usually plausible (so a good share of records is
     * valid) and sometimes absent, null, of another type, or out of range.
     */
    static Arbitrary<JsonNode> chargeLike() {
        Arbitrary<JsonNode> ids = Arbitraries.integers().between(0, 99_999).map(i -> StringNode.valueOf("ch_" + i));
        Arbitrary<JsonNode> amounts = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000"))
                .ofScale(2).map(DecimalNode::valueOf);
        Arbitrary<Map<String, JsonNode>> fields = Combinators.combine(
                field(0.05, ids, strings()),
                field(0.05, amounts, Arbitraries.oneOf(numbers(), numericStrings())),
                field(0.05, Arbitraries.of("paid", "refunded").map(StringNode::valueOf),
                        Arbitraries.oneOf(Arbitraries.of("pending", "PAID").map(StringNode::valueOf), scalars())),
                field(0.05, Arbitraries.of(DATE_TIMES.subList(0, 4)).map(StringNode::valueOf),
                        Arbitraries.oneOf(Arbitraries.of(DATE_TIMES).map(StringNode::valueOf), scalars())),
                field(0.5, Arbitraries.of("jane@example.com", "ops@inlet.example.org").map(StringNode::valueOf),
                        Arbitraries.oneOf(Arbitraries.of("nope", "@x", "a@").map(StringNode::valueOf), scalars())),
                field(0.5, Arbitraries.integers().between(-5, 5).map(IntNode::valueOf), Arbitraries.oneOf(numbers(),
                        scalars())),
                field(0.5, strings().list().ofMaxSize(3).map(JsonArbitraries::array), documents()))
                .as((id, amount, status, created, email, count, tags) -> {
                    Map<String, JsonNode> map = new java.util.LinkedHashMap<>();
                    put(map, "id", id);
                    put(map, "amount", amount);
                    put(map, "status", status);
                    put(map, "created_at", created);
                    put(map, "email", email);
                    put(map, "count", count);
                    put(map, "tags", tags);
                    return map;
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, fields.map(JsonArbitraries::object)),
                net.jqwik.api.Tuple.of(1, documents()));
    }

    /** A field value: absent with the given probability, else plausible nine times in ten. */
    private static Arbitrary<JsonNode> field(double absent, Arbitrary<JsonNode> plausible, Arbitrary<JsonNode> other) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, plausible), net.jqwik.api.Tuple.of(1, other))
                .injectNull(absent);
    }

    /** Numeric strings, and strings that look numeric but are not. */
    static Arbitrary<JsonNode> numericStrings() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("-1e9"), new BigDecimal("1e9")).ofScale(2)
                        .map(BigDecimal::toPlainString),
                Arbitraries.of("", "N/A", "12,50", " 1", "1e3", "-0", "0.000", "1e999999", "NaN", "+7", ".5", "5."))
                .map(StringNode::valueOf);
    }

    static Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.just(NullNode.getInstance()),
                Arbitraries.of(true, false).map(BooleanNode::valueOf),
                numbers(),
                strings(),
                Arbitraries.of(DATE_TIMES).map(StringNode::valueOf));
    }

    static Arbitrary<JsonNode> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-1000, 1000).map(IntNode::valueOf),
                Arbitraries.longs().map(LongNode::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(20).negate(), BigInteger.TEN.pow(20))
                        .map(BigIntegerNode::valueOf),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e6"), new BigDecimal("1e6")).ofScale(3)
                        .map(DecimalNode::valueOf));
    }

    static Arbitrary<JsonNode> strings() {
        return Arbitraries.strings().all().ofMaxLength(12).map(StringNode::valueOf);
    }

    private static Arbitrary<JsonNode> containersOf(Arbitrary<JsonNode> element) {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(KNOWN_KEYS), Arbitraries.strings().ofMaxLength(6));
        Arbitrary<JsonNode> arrays = element.list().ofMaxSize(4).map(JsonArbitraries::array);
        Arbitrary<JsonNode> objects = Arbitraries.maps(keys, element).ofMaxSize(5).map(JsonArbitraries::object);
        return Arbitraries.oneOf(arrays, objects);
    }

    private static void put(Map<String, JsonNode> map, String key, JsonNode value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static JsonNode array(List<JsonNode> items) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        items.forEach(array::add);
        return array;
    }

    private static JsonNode object(Map<String, JsonNode> fields) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        fields.forEach(object::set);
        return object;
    }
}
