package dev.inlet.core.validation;

import dev.inlet.core.record.RecordMapper;
import dev.inlet.core.record.RecordValidator;
import dev.inlet.core.record.Validation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import tools.jackson.databind.JsonNode;

/**
 * Not a test: a by-hand, JMH-free measurement of validation cost per record, to compare rules,
 * coercions, schema and strict mapping. Indicative only (no fork isolation, no blackhole rigour).
 * Run with the test classpath: {@code java -cp target/classes:target/test-classes:<deps> \
 * dev.inlet.core.validation.ValidationMicroBench}.
 */
public final class ValidationMicroBench {

    private ValidationMicroBench() {
    }

    public static void main(String[] args) {
        ChargeDataset data = ChargeDataset.generate(10_000, 300, 42L);
        List<JsonNode> raw = data.validRecords();
        Coercions coercions = Coercions.builder().toDecimal("/amount").toInstant("/created", EpochUnit.SECONDS)
                .toBoolean("/livemode").build();
        Rules defaults = Rules.builder().defaultValue("/currency", "usd").build();
        List<JsonNode> coerced = new ArrayList<>();
        for (JsonNode record : raw) {
            coerced.add(defaults.validate(coercions.validate(record).record()).record());
        }
        Rules rules = ChargeDataset.rules();
        JsonSchemaValidator schema = JsonSchemaValidator.builder()
                .schemaResource("validation/dataset-charge.schema.json").build();
        RecordValidator pipelineRules = ChargeDataset.validator(ChargeDataset.Variant.RULES);
        RecordValidator pipelineSchema = ChargeDataset.validator(ChargeDataset.Variant.SCHEMA);
        RecordMapper<ChargeDataset.Charge> strict = StrictMapping.to(ChargeDataset.Charge.class);

        measure("rules (9 fields, coerced input)", coerced, r -> count(rules.validate(r)));
        measure("json schema (same constraints)", coerced, r -> count(schema.validate(r)));
        measure("coercions (3 fields, raw input)", raw, r -> count(coercions.validate(r)));
        measure("coercions + rules (raw input)", raw, r -> count(pipelineRules.validate(r)));
        measure("coercions + default + schema", raw, r -> count(pipelineSchema.validate(r)));
        measure("strict mapping to a record", coerced, r -> strict.map(r).id().length());
    }

    private static int count(Validation v) {
        return v.violations().size() + (v.record() == null ? 1 : 0);
    }

    private static void measure(String name, List<JsonNode> records, ToIntFunction<JsonNode> work) {
        int sink = 0;
        for (int warm = 0; warm < 30; warm++) {
            for (JsonNode r : records) {
                sink += work.applyAsInt(r);
            }
        }
        double[] nsPerRecord = new double[15];
        for (int round = 0; round < nsPerRecord.length; round++) {
            long start = System.nanoTime();
            for (JsonNode r : records) {
                sink += work.applyAsInt(r);
            }
            nsPerRecord[round] = (System.nanoTime() - start) / (double) records.size();
        }
        Arrays.sort(nsPerRecord);
        System.out.printf("%-36s median %8.0f ns/record  (min %6.0f, max %6.0f)  [%d]%n", name,
                nsPerRecord[nsPerRecord.length / 2], nsPerRecord[0], nsPerRecord[nsPerRecord.length - 1], sink % 7);
    }
}
