package dev.inlet.core.compose;

import dev.inlet.core.record.InMemoryQuarantine;
import dev.inlet.core.Position;
import dev.inlet.core.record.QuarantineSink;
import dev.inlet.core.record.Rejection;
import dev.inlet.core.record.Violation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A left join of one source's records with another's by key — charges with CRM contacts by email —
 * adding the match to each record under a field. The lookup side is a cached {@link Lookup}; a record
 * without a match is handled by the {@link MissingMatch} policy, and a record without the key at all
 * counts as unmatched.
 *
 * <pre>{@code
 * Enrichment withContact = Enrichment.builder(Lookup.fromConnector(contacts, "/email")
 *                 .normalizeKeys(k -> k.toLowerCase(Locale.ROOT)))
 *         .key("/billing_details/email")
 *         .into("contact")
 *         .onMissing(MissingMatch.QUARANTINE)
 *         .build();
 * EnrichmentReport report = withContact.run(charges.records(), warehouse::insert);
 * }</pre>
 *
 * <p>Left records must be JSON objects; the match is copied (never shared with the cache). Records
 * flow on the calling thread in their order. Immutable and thread-safe (the lookup's cache is
 * shared by all runs of this enrichment).
 */
public final class Enrichment {

    private final Lookup lookup;
    private final String keyText;
    private final JsonPointer key;
    private final String into;
    private final MissingMatch onMissing;
    private final QuarantineSink quarantine;
    private final String name;

    private Enrichment(Builder b) {
        this.lookup = b.lookup;
        this.keyText = b.keyText;
        this.key = b.key;
        this.into = b.into;
        this.onMissing = b.onMissing;
        this.quarantine = b.quarantine;
        this.name = b.name;
    }

    /** A builder joining with this lookup. */
    public static Builder builder(Lookup lookup) {
        return new Builder(lookup);
    }

    /** Where unmatched records go under {@link MissingMatch#QUARANTINE}. */
    public QuarantineSink quarantine() {
        return quarantine;
    }

    /**
     * The left records enriched, lazily (dropped and quarantined ones left out); closing the result
     * closes the left stream. Use {@link #run} for counts.
     *
     * @throws CompositionException (when read) for a non-object record, or a missing match under FAIL
     */
    public Stream<JsonNode> apply(Stream<? extends JsonNode> left) {
        Join join = new Join();
        return left.map(join::apply).flatMap(Optional::stream);
    }

    /**
     * Enriches every left record into the consumer and reports; closes the left stream.
     *
     * @throws CompositionException for a non-object record, or a missing match under FAIL
     */
    public EnrichmentReport run(Stream<? extends JsonNode> left, Consumer<? super JsonNode> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        Join join = new Join();
        try (left) {
            left.forEach(record -> join.apply(record).ifPresent(consumer));
        }
        return join.report();
    }

    @Override
    public String toString() {
        return "Enrichment[" + keyText + " -> " + lookup + " into " + into + ", missing: " + onMissing + "]";
    }

    /** The counters of one run. */
    private final class Join {
        private long records;
        private long matched;
        private long kept;
        private long dropped;
        private long quarantined;

        Optional<JsonNode> apply(JsonNode record) {
            long index = records++;
            if (!(record instanceof ObjectNode object)) {
                throw new CompositionException("Record " + index + " to enrich is " + record.getNodeType()
                        + ", not a JSON object", "Enrich object records only", null);
            }
            JsonNode keyNode = record.at(key);
            boolean hasKey = keyNode.isValueNode() && !keyNode.isNull();
            Optional<JsonNode> match = hasKey ? lookup.find(keyNode.asString()) : Optional.empty();
            if (match.isPresent()) {
                matched++;
                object.set(into, match.get().deepCopy());
                return Optional.of(object);
            }
            String why = hasKey ? "no match for key \"" + keyNode.asString() + "\" in " + lookup
                    : "no key at " + keyText;
            switch (onMissing) {
                case KEEP:
                    kept++;
                    object.putNull(into);
                    return Optional.of(object);
                case DROP:
                    dropped++;
                    return Optional.empty();
                case QUARANTINE:
                    quarantined++;
                    quarantine.accept(new Rejection(name, Position.start(), (int) Math.min(index, Integer.MAX_VALUE),
                            record, List.of(new Violation(keyText, "enrichment:missing", why))));
                    return Optional.empty();
                default:
                    throw new CompositionException("Record " + index + " of '" + name + "' has " + why,
                            "Choose MissingMatch.KEEP, DROP or QUARANTINE to go on without a match", null);
            }
        }

        EnrichmentReport report() {
            return new EnrichmentReport(records, matched, kept, dropped, quarantined);
        }
    }

    /**
     * Builds an {@link Enrichment}. Not thread-safe; what it builds is.
     *
     * <p>Required: {@link #key(String)} and {@link #into(String)}. Defaults: {@link MissingMatch#KEEP};
     * quarantine to a new {@link InMemoryQuarantine}; the name {@code enrichment} in rejections.
     */
    public static final class Builder {
        private final Lookup lookup;
        private String keyText;
        private JsonPointer key;
        private String into;
        private MissingMatch onMissing = MissingMatch.KEEP;
        private QuarantineSink quarantine;
        private String name = "enrichment";

        private Builder(Lookup lookup) {
            this.lookup = Objects.requireNonNull(lookup, "lookup");
        }

        /** The left records' key, as a JSON Pointer ({@code "/email"}). Required. */
        public Builder key(String pointer) {
            if (pointer == null || pointer.isEmpty() || pointer.charAt(0) != '/') {
                throw new IllegalArgumentException("the enrichment key is a JSON Pointer into the records, like "
                        + "\"/email\"; got " + pointer);
            }
            this.key = JsonPointer.compile(pointer);
            this.keyText = pointer;
            return this;
        }

        /** The field of each left record that receives the match. Required. */
        public Builder into(String field) {
            if (field == null || field.isBlank()) {
                throw new IllegalArgumentException("the enrichment field needs a non-blank name");
            }
            this.into = field;
            return this;
        }

        /** What to do with a record without a match. Default {@link MissingMatch#KEEP}. */
        public Builder onMissing(MissingMatch policy) {
            this.onMissing = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Where unmatched records go under {@link MissingMatch#QUARANTINE}. */
        public Builder quarantine(QuarantineSink sink) {
            this.quarantine = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** The name used in rejections (as their connector). Default {@code enrichment}. */
        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the enrichment needs a non-blank name");
            }
            this.name = name;
            return this;
        }

        /**
         * The immutable enrichment.
         *
         * @throws IllegalArgumentException if the key or the field is missing
         */
        public Enrichment build() {
            if (key == null || into == null) {
                throw new IllegalArgumentException("an enrichment needs key(...) and into(...)");
            }
            if (quarantine == null) {
                quarantine = new InMemoryQuarantine();
            }
            return new Enrichment(this);
        }
    }
}
