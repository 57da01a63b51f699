/**
 * Record validation: JSON Schema ({@link dev.inlet.core.validation.JsonSchemaValidator}), fluent
 * field rules with defaults ({@link dev.inlet.core.validation.Rules}), explicit type coercions
 * ({@link dev.inlet.core.validation.Coercions}) and strict typed mapping
 * ({@link dev.inlet.core.validation.StrictMapping}).
 *
 * <p>Every validator here implements the root package's {@link dev.inlet.core.record.RecordValidator}: it
 * reports each problem as a {@link dev.inlet.core.record.Violation} with a JSON Pointer and a stable rule
 * name, never throws for bad data, never mutates its input, and is immutable and thread-safe.
 * Compose them with {@link dev.inlet.core.record.RecordValidator#andThen}: coercions first, then rules or a
 * schema.
 *
 * <pre>{@code
 * RecordValidator validator = Coercions.builder().decimal("/amount").build()
 *         .andThen(Rules.builder().required("/id").min("/amount", 0).build());
 * Connector<Charge> charges = Connector.builder("charges", source)
 *         .validator(validator)
 *         .mapper(StrictMapping.to(Charge.class))
 *         .onInvalid(InvalidRecordPolicy.QUARANTINE)
 *         .build();
 * }</pre>
 */
package dev.inlet.core.validation;
