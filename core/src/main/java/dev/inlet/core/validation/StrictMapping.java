package dev.inlet.core.validation;

import dev.inlet.core.Json;
import dev.inlet.core.record.RecordMapper;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed mapping in which a missing field is a rejection, not a silent {@code null} or {@code 0}.
 *
 * <p>With Jackson's defaults a record component absent from the JSON is quietly mapped to
 * {@code null} (or {@code 0} for a {@code long}), and the damage shows up later in a metric. A
 * strict mapping makes every component of a Java record (and every parameter of a
 * {@code @JsonCreator}) required and non-null, except those declared {@link java.util.Optional}:
 *
 * <pre>{@code
 * record Charge(String id, BigDecimal amount, Instant created, Optional<String> description) {}
 *
 * Connector<Charge> charges = Connector.builder("charges", source)
 *         .mapper(StrictMapping.to(Charge.class))
 *         .build();
 * }</pre>
 *
 * <p>A record without {@code amount}, or with {@code "amount": null}, is then rejected with rule
 * {@code mapping} and the pointer {@code /amount} (nested: {@code /lines/2/amount}); so is a value of
 * the wrong type. Under {@code SKIP} or {@code QUARANTINE} the run goes on. The rule applies to
 * creator-based types (records, {@code @JsonCreator}); properties set through setters or fields keep
 * Jackson's usual leniency, so check those with {@link Rules} or a schema. Everything else is
 * {@link Json Inlet's Jackson defaults}: unknown properties ignored, decimals as
 * {@link java.math.BigDecimal}. The mappers are immutable and thread-safe.
 */
public final class StrictMapping {

    /** Built on first use, after Inlet's Jackson check (building a mapper is what fails on a bad classpath). */
    private static final class Strict {
        static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();
    }

    private static JsonMapper strict() {
        Json.requireCompatibleJackson();
        return Strict.MAPPER;
    }

    private StrictMapping() {
    }

    /** A strict mapper to a record or creator-based class, with Inlet's Jackson defaults. */
    public static <T> RecordMapper<T> to(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return RecordMapper.to(type, strict());
    }

    /**
     * Applies Inlet's defaults ({@link Json#configure}) and the strict rule to a mapper builder of your
     * own, for use with {@link RecordMapper#to(Class, JsonMapper)}. It sets the builder's annotation
     * introspector (Jackson's standard one, extended); modules and other settings are kept.
     */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        return Json.configure(builder).annotationIntrospector(new StrictIntrospector());
    }

    /** The strict mapper shared by {@link #to(Class)}. */
    public static JsonMapper mapper() {
        return strict();
    }
}
