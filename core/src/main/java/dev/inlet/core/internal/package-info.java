/**
 * <b>Internal</b>: helpers of core that the sibling modules named in core's
 * {@code META-INF/inlet-api.txt} also use (masking by name and by value, optional-dependency and
 * Jackson checks, build versions). Not API: public only for those modules, and may change in any
 * release; {@code ApiBoundaryTest} keeps the examples, the docs and consumers off it.
 */
package dev.inlet.core.internal;
