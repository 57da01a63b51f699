package dev.inlet.graphql;

/** What a GraphQL operation does, as its document says ({@code query} or {@code mutation}). */
public enum OperationType {
    /** A read: safe to retry, may be sent as GET, may page as a Relay connection. */
    QUERY,
    /** A write: sent as POST, retried only with an idempotency key (see the retry policy). */
    MUTATION
}
