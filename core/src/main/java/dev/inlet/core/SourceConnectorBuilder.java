package dev.inlet.core;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.inlet.core.record.InMemoryQuarantine;
import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.record.QuarantineSink;
import dev.inlet.core.record.RecordMapper;
import dev.inlet.core.record.RecordValidator;

/**
 * The half of a connector builder that every kind of source shares (REST endpoints, GraphQL Relay
 * connections …): what to do with each record and who watches, then {@code build()}. A module's
 * builder adds how to reach its source and implements {@link #source()}. Not thread-safe.
 *
 * <p>Defaults are {@link Connector.Builder}'s: no validation, records as {@link JsonNode},
 * {@link InvalidRecordPolicy#FAIL}, quarantine to a new {@link InMemoryQuarantine}, no listener, the
 * system UTC clock, the paging guards on (10 empty pages in a row, no repeated page).
 *
 * @param <B> the concrete builder
 */
public abstract class SourceConnectorBuilder<B extends SourceConnectorBuilder<B>> {

    private final String name;
    private RecordValidator validator;
    private InvalidRecordPolicy onInvalid;
    private QuarantineSink quarantine;
    private InletListener listener;
    private Clock clock;
    private Integer maxEmptyPagesInARow;
    private Boolean allowRepeatedPages;

    /**
     * A builder for a connector with this name.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    protected SourceConnectorBuilder(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a connector needs a non-blank name");
        }
        this.name = name;
    }

    /** The connector's name. */
    protected final String name() {
        return name;
    }

    /** Checks every record (see {@code dev.inlet.core.validation}). */
    public B validator(RecordValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
        return self();
    }

    /** What to do with invalid records. */
    public B onInvalid(InvalidRecordPolicy policy) {
        this.onInvalid = Objects.requireNonNull(policy, "policy");
        return self();
    }

    /** Where quarantined records go. */
    public B quarantine(QuarantineSink sink) {
        this.quarantine = Objects.requireNonNull(sink, "sink");
        return self();
    }

    /** Observes the connector's requests, retries, waits, pages and runs. */
    public B listener(InletListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return self();
    }

    /** The clock for run reports. */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /** See {@link Connector.Builder#maxEmptyPagesInARow(int)}. Default 10. */
    public B maxEmptyPagesInARow(int max) {
        this.maxEmptyPagesInARow = PagingGuards.checkMaxEmptyPages(max);
        return self();
    }

    /** See {@link Connector.Builder#allowRepeatedPages(boolean)}. Default false. */
    public B allowRepeatedPages(boolean allow) {
        this.allowRepeatedPages = allow;
        return self();
    }

    /** The listener set on this builder, if any (the source may also attach it to its requests). */
    protected final Optional<InletListener> listener() {
        return Optional.ofNullable(listener);
    }

    /** The pure page step for engines that drive paging themselves (raw records, no validation). */
    public abstract PageSource source();

    /** The mapper that {@link #build(Class)} maps records with. */
    protected abstract JsonMapper recordMapper();

    /** The connector, with records as {@link JsonNode}. */
    public Connector<JsonNode> build() {
        return connectorBuilder().build();
    }

    /** The connector, with records mapped to the type (unknown fields ignored, exact decimals). */
    public <T> Connector<T> build(Class<T> type) {
        return connectorBuilder().mapper(RecordMapper.to(type, recordMapper())).build();
    }

    /** The connector, with records mapped by the mapper. */
    public <T> Connector<T> build(RecordMapper<T> mapper) {
        return connectorBuilder().mapper(mapper).build();
    }

    private Connector.Builder<JsonNode> connectorBuilder() {
        Connector.Builder<JsonNode> builder = Connector.builder(name, source());
        if (validator != null) {
            builder.validator(validator);
        }
        if (onInvalid != null) {
            builder.onInvalid(onInvalid);
        }
        if (quarantine != null) {
            builder.quarantine(quarantine);
        }
        if (listener != null) {
            builder.listener(listener);
        }
        if (clock != null) {
            builder.clock(clock);
        }
        if (maxEmptyPagesInARow != null) {
            builder.maxEmptyPagesInARow(maxEmptyPagesInARow);
        }
        if (allowRepeatedPages != null) {
            builder.allowRepeatedPages(allowRepeatedPages);
        }
        return builder;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
