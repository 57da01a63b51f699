/**
 * Query-cost pacing: a {@link dev.inlet.graphql.cost.CostThrottle} (given to
 * {@link dev.inlet.graphql.GraphQlClient.Builder#costThrottle}) waits for the server's
 * {@link dev.inlet.graphql.cost.CostBudget} before each request. Depends on nothing else of the
 * GraphQL module: the client depends on it.
 */
package dev.inlet.graphql.cost;
