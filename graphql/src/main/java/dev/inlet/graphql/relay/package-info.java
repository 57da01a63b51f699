/**
 * Relay pagination: {@link dev.inlet.graphql.relay.RelayConnector} turns a query over a Relay
 * connection into a resumable {@link dev.inlet.core.Connector}. Built on the client's public
 * {@link dev.inlet.graphql.GraphQlClient#openPage} only.
 */
package dev.inlet.graphql.relay;
