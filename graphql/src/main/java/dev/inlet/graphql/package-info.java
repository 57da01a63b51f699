/** GraphQL operations, errors and partial data, Relay pagination and cost-aware throttling. */
package dev.inlet.graphql;
