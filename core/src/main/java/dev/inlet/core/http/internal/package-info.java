/**
 * <b>Internal</b>: pipeline helpers that the REST and GraphQL modules share (how their builders
 * override a shared pipeline, URL query edits, body excerpts for error messages). Not API: public only
 * for the modules named in core's {@code META-INF/inlet-api.txt}, and may change in any release.
 */
package dev.inlet.core.http.internal;
