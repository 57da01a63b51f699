/**
 * GraphQL operations, errors and partial data, Relay pagination and cost-aware throttling.
 *
 * <p>Not built yet: this module is a placeholder until its issue lands.
 */
package dev.inlet.graphql;
