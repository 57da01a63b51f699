package dev.inlet.kafka.connect;

import dev.inlet.core.Connector;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One stream of one tenant for Kafka Connect: the Inlet connector that reads it, the rate-limit key
 * it spends (one vendor account; every stream with the same key runs in the same task), and
 * optionally the stream's JSON Schema (for Connect {@code Struct}s) and where a record's key is.
 * Immutable and thread-safe; built by a {@link Builder}, which is not.
 */
public final class StreamSource {

    private final String stream;
    private final Connector<JsonNode> connector;
    private final Optional<String> rateLimitKey;
    private final Optional<JsonNode> schema;
    private final Optional<String> keyPointer;

    private StreamSource(Builder b) {
        this.stream = b.stream;
        this.connector = b.connector;
        this.rateLimitKey = Optional.ofNullable(b.rateLimitKey);
        this.schema = Optional.ofNullable(b.schema);
        this.keyPointer = Optional.ofNullable(b.keyPointer);
    }

    /**
     * A builder for the stream read by this connector.
     *
     * @param stream the stream's name, unique among a tenant's streams; part of the source partition
     * @param connector reads the stream page by page ({@link Connector#fetch})
     */
    public static Builder builder(String stream, Connector<JsonNode> connector) {
        return new Builder(stream, connector);
    }

    /** The stream's name. */
    public String stream() {
        return stream;
    }

    /** The Inlet connector that reads the stream. */
    public Connector<JsonNode> connector() {
        return connector;
    }

    /**
     * The rate-limit key (vendor account) the stream spends; empty means the tenant's id. Every stream
     * with the same key is placed in one task.
     */
    public Optional<String> rateLimitKey() {
        return rateLimitKey;
    }

    /** The stream's JSON Schema, if declared: records become Connect {@code Struct}s of the derived schema. */
    public Optional<JsonNode> schema() {
        return schema;
    }

    /** The JSON Pointer of a record's key ({@code /id}), if records have one; the Kafka record key. */
    public Optional<String> keyPointer() {
        return keyPointer;
    }

    @Override
    public String toString() {
        return "StreamSource[" + stream + ", " + connector + rateLimitKey.map(k -> ", key " + k).orElse("") + "]";
    }

    /**
     * Builds a {@link StreamSource}. Defaults: the tenant's id as the rate-limit key; no schema
     * (records as JSON); no record key.
     */
    public static final class Builder {

        private final String stream;
        private final Connector<JsonNode> connector;
        private String rateLimitKey;
        private JsonNode schema;
        private String keyPointer;

        private Builder(String stream, Connector<JsonNode> connector) {
            if (stream == null || stream.isBlank()) {
                throw new IllegalArgumentException("a stream name must not be blank");
            }
            this.stream = stream;
            this.connector = Objects.requireNonNull(connector, "connector");
        }

        /** The rate-limit key (vendor account) this stream spends; streams sharing it share a task. */
        public Builder rateLimitKey(String key) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("a rate-limit key must not be blank");
            }
            this.rateLimitKey = key;
            return this;
        }

        /**
         * The stream's JSON Schema (an object schema): records become Connect {@code Struct}s when the
         * connector's {@code inlet.record.format} is {@code struct}.
         */
        public Builder schema(JsonNode schema) {
            if (!Objects.requireNonNull(schema, "schema").isObject()) {
                throw new IllegalArgumentException("a stream's JSON Schema must be a JSON object");
            }
            this.schema = schema;
            return this;
        }

        /** The JSON Pointer of each record's key ({@code /id}); the Kafka record key is its text. */
        public Builder keyPointer(String pointer) {
            if (pointer == null || !pointer.startsWith("/")) {
                throw new IllegalArgumentException("a key pointer is a JSON Pointer starting with '/', was " + pointer);
            }
            this.keyPointer = pointer;
            return this;
        }

        /** The stream source. */
        public StreamSource build() {
            return new StreamSource(this);
        }
    }
}
