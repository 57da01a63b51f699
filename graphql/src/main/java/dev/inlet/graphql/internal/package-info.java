/**
 * <b>Internal</b>: helpers shared by the GraphQL module's packages (error summaries for messages).
 * Not API: used only inside the GraphQL module ({@code conceals} in its {@code META-INF/inlet-api.txt}),
 * and may change in any release. Depends on nothing in {@code dev.inlet.graphql}.
 */
package dev.inlet.graphql.internal;
