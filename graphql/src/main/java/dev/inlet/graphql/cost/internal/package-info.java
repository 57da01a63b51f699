/**
 * <b>Internal</b>: how the GraphQL client reads cost data from responses and drives a
 * {@link dev.inlet.graphql.cost.CostThrottle}'s pacing. Not API: used only inside the GraphQL module
 * ({@code conceals} in its {@code META-INF/inlet-api.txt}), and may change in any release.
 */
package dev.inlet.graphql.cost.internal;
