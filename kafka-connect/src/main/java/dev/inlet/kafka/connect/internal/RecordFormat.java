package dev.inlet.kafka.connect.internal;

/** <b>Internal</b>: how records become Connect values ({@code inlet.record.format}). */
public enum RecordFormat {
    /** The record's JSON text, as a string with the string schema. */
    JSON,
    /** Maps, lists and primitives without a schema. */
    SCHEMALESS,
    /** A {@code Struct} of the schema derived from the stream's JSON Schema; JSON text without one. */
    STRUCT
}
