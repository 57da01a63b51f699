/**
 * OpenAPI import: a first draft of a definition from a vendor's OpenAPI 2.0 or 3.x document
 * ({@link dev.inlet.declarative.openapi.OpenApiImporter}). List operations become streams; the records
 * pointer, paginator, auth, primary key and incremental field are guessed, each guess marked in a YAML
 * comment saying why, for a person to confirm. See {@code docs/openapi-import.md}.
 */
package dev.inlet.declarative.openapi;
