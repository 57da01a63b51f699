/**
 * Connectors without code: definitions of REST and GraphQL sources, metrics and webhooks in YAML or JSON
 * ({@link dev.inlet.declarative.Definitions}), bound to inputs and a runtime
 * ({@link dev.inlet.declarative.Binding}) to give Inlet's connectors, and a {@link dev.inlet.declarative.Catalogue}
 * of popular services. The format is described in {@code docs/definitions.md} and by the JSON Schema
 * {@link dev.inlet.declarative.Definitions#schema()}.
 */
package dev.inlet.declarative;
