/**
 * The GraphQL client: {@link dev.inlet.graphql.GraphQlClient} sends {@link dev.inlet.graphql.GraphQlOperation}s
 * through Inlet's pipeline and reads {@link dev.inlet.graphql.GraphQlResponse}s (partial data, errors by
 * {@link dev.inlet.graphql.ErrorPolicy}, schema validation, persisted queries).
 *
 * <ul>
 *   <li>{@code dev.inlet.graphql.error}: what the client throws.</li>
 *   <li>{@code dev.inlet.graphql.relay}: connectors that page through Relay connections.</li>
 *   <li>{@code dev.inlet.graphql.cost}: pacing requests by the server's query-cost budget.</li>
 * </ul>
 */
package dev.inlet.graphql;
