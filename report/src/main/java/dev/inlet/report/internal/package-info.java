/**
 * <b>Internal</b>: the building blocks {@code dev.inlet.report} writes its page with: escaping HTML
 * ({@code Html}), numbers and durations ({@code Numbers}), axis scales with round ticks ({@code Scale}),
 * the style sheet and series colours ({@code Style}) and accessible tables ({@code Table}). It knows
 * nothing of the report's API types (a layer below them). No other module uses it ({@code conceals} in
 * the module's {@code META-INF/inlet-api.txt}); it may change in any release.
 */
package dev.inlet.report.internal;
