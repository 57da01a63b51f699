package dev.inlet.core.validation;

import dev.inlet.core.Json;
import dev.inlet.core.record.RecordValidator;
import dev.inlet.core.record.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A reproducible dataset of raw charges as a sloppy API sends them (amounts and some timestamps as
 * strings, booleans as strings, currency often missing), with a known set of defective records and,
 * for each, exactly the violations each validator must report. Shared by the policy tests.
 */
public final class ChargeDataset {

    /** How a record is validated: fluent rules, or the equivalent JSON Schema. */
    public enum Variant {
        RULES, SCHEMA
    }

    /** What is wrong with a defective record, and the reasons each variant must give. */
    public enum Defect {
        MISSING_ID(List.of(v("/id", "required")), List.of(v("/id", "schema:required"))),
        NEGATIVE_AMOUNT(List.of(v("/amount", "min")), List.of(v("/amount", "schema:minimum"))),
        UNKNOWN_STATUS(List.of(v("/status", "enum")), List.of(v("/status", "schema:enum"))),
        UNREADABLE_AMOUNT(List.of(v("/amount", "coerce"), v("/amount", "type")),
                List.of(v("/amount", "coerce"), v("/amount", "schema:type"))),
        UNREADABLE_CREATED(List.of(v("/created", "coerce"), v("/created", "date-time")),
                List.of(v("/created", "coerce"), v("/created", "schema:format")));

        private final List<Violation> rules;
        private final List<Violation> schema;

        Defect(List<Violation> rules, List<Violation> schema) {
            this.rules = rules;
            this.schema = schema;
        }

        /** The (pointer, rule) pairs expected, messages blank. */
        public List<Violation> expected(Variant variant) {
            return variant == Variant.RULES ? rules : schema;
        }

        private static Violation v(String pointer, String rule) {
            return new Violation(pointer, rule, "");
        }
    }

    /** A typed charge, as the host wants it: every field required except the e-mail. */
    public record Charge(String id, BigDecimal amount, String currency, String status, Instant created,
            boolean livemode, Optional<String> email) {
    }

    private final List<JsonNode> records;
    private final Map<Integer, Defect> defects;

    private ChargeDataset(List<JsonNode> records, Map<Integer, Defect> defects) {
        this.records = List.copyOf(records);
        this.defects = Collections.unmodifiableMap(defects);
    }

    /**
     * {@code size} records, of which {@code defective} (spread at random, assigned the defects in
     * turn) are invalid.
     */
    public static ChargeDataset generate(int size, int defective, long seed) {
        Random random = new Random(seed);
        List<Integer> indexes = new ArrayList<>(IntStream.range(0, size).boxed().toList());
        Collections.shuffle(indexes, random);
        List<Integer> chosen = new ArrayList<>(indexes.subList(0, defective));
        Collections.sort(chosen);
        Map<Integer, Defect> defects = new LinkedHashMap<>();
        Defect[] kinds = Defect.values();
        for (int i = 0; i < chosen.size(); i++) {
            defects.put(chosen.get(i), kinds[i % kinds.length]);
        }
        List<JsonNode> records = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            records.add(record(i, random, defects.get(i)));
        }
        return new ChargeDataset(records, defects);
    }

    private static JsonNode record(int i, Random random, Defect defect) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("id", "ch_" + i);
        // Amounts as strings with two decimals, as many payment APIs send them.
        r.put("amount", BigDecimal.valueOf(1 + random.nextInt(999_999), 2).toPlainString());
        if (random.nextInt(4) != 0) {
            r.put("currency", random.nextBoolean() ? "usd" : "eur");
        }
        r.put("status", random.nextInt(10) == 0 ? "refunded" : "paid");
        long created = 1_700_000_000L + i * 60L;
        if (random.nextBoolean()) {
            r.put("created", created);
        } else {
            r.put("created", Long.toString(created));
        }
        r.put("livemode", random.nextBoolean() ? "true" : "false");
        if (random.nextInt(3) == 0) {
            r.put("email", "customer" + i + "@example.com");
        } else if (random.nextInt(2) == 0) {
            r.putNull("email");
        }
        if (defect != null) {
            switch (defect) {
                case MISSING_ID -> r.remove("id");
                case NEGATIVE_AMOUNT -> r.put("amount", "-" + r.get("amount").stringValue());
                case UNKNOWN_STATUS -> r.put("status", "pending");
                case UNREADABLE_AMOUNT -> r.put("amount", r.get("amount").stringValue().replace('.', ','));
                case UNREADABLE_CREATED -> r.put("created", "yesterday");
            }
        }
        return r;
    }

    /** The raw records, in source order. */
    public List<JsonNode> records() {
        return records;
    }

    /** Index in the dataset → what is wrong with that record, for every defective record, in order. */
    public Map<Integer, Defect> defects() {
        return defects;
    }

    /** The records that must arrive, in order. */
    public List<JsonNode> validRecords() {
        List<JsonNode> valid = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (!defects.containsKey(i)) {
                valid.add(records.get(i));
            }
        }
        return valid;
    }

    /** The validator for a variant: coercions, then a default for the currency, then rules or schema. */
    public static RecordValidator validator(Variant variant) {
        Coercions coercions = Coercions.builder()
                .toDecimal("/amount")
                .toInstant("/created", EpochUnit.SECONDS)
                .toBoolean("/livemode")
                .build();
        if (variant == Variant.RULES) {
            return coercions.andThen(rules());
        }
        Rules defaults = Rules.builder().defaultValue("/currency", "usd").build();
        return coercions.andThen(defaults).andThen(JsonSchemaValidator.builder()
                .schemaResource("validation/dataset-charge.schema.json").build());
    }

    /** The fluent twin of {@code dataset-charge.schema.json}, with the currency default. */
    public static Rules rules() {
        return Rules.builder()
                .required("/id", "/amount", "/status", "/created", "/livemode")
                .type("/id", JsonType.STRING)
                .type("/amount", JsonType.NUMBER).min("/amount", 0)
                .enumOf("/currency", "usd", "eur").defaultValue("/currency", "usd")
                .enumOf("/status", "paid", "refunded")
                .dateTime("/created")
                .type("/livemode", JsonType.BOOLEAN)
                .type("/email", JsonType.STRING)
                .build();
    }

    /** What a valid raw record should become once coerced, defaulted and mapped. */
    public static Charge expectedCharge(JsonNode raw) {
        JsonNode created = raw.get("created");
        long epoch = created.isNumber() ? created.longValue() : Long.parseLong(created.stringValue());
        JsonNode email = raw.get("email");
        return new Charge(raw.get("id").stringValue(), new BigDecimal(raw.get("amount").stringValue()),
                raw.has("currency") ? raw.get("currency").stringValue() : "usd", raw.get("status").stringValue(),
                Instant.ofEpochSecond(epoch), Boolean.parseBoolean(raw.get("livemode").stringValue()),
                email == null || email.isNull() ? Optional.empty() : Optional.of(email.stringValue()));
    }
}
