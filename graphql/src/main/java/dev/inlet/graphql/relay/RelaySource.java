package dev.inlet.graphql.relay;

import java.util.concurrent.CompletableFuture;
import dev.inlet.graphql.GraphQlClient;
import dev.inlet.graphql.GraphQlOperation;
import dev.inlet.core.OpenPage;
import dev.inlet.core.PageSource;
import dev.inlet.core.Position;

/**
 * The pure page step of a Relay connection: the operation with the cursor variable set to the
 * position's token (absent on the first page), sent through the client, read as a
 * {@link RelayPage}. Stateless and thread-safe.
 */
final class RelaySource implements PageSource {

    private final String connector;
    private final GraphQlClient client;
    private final GraphQlOperation operation;
    private final RelayShape shape;
    private final String cursorVariable;

    RelaySource(String connector, GraphQlClient client, GraphQlOperation operation, RelayShape shape,
            String cursorVariable) {
        this.connector = connector;
        this.client = client;
        this.operation = operation;
        this.shape = shape;
        this.cursorVariable = cursorVariable;
    }

    @Override
    public OpenPage open(Position position) {
        GraphQlOperation page = position.token().map(cursor -> operation.withVariable(cursorVariable, cursor))
                .orElse(operation);
        return client.openPage(connector, position, page,
                (response, at) -> RelayPage.of(shape, response, at, connector));
    }

    /** As {@link #open}, through the client's asynchronous form. */
    @Override
    public CompletableFuture<OpenPage> openAsync(Position position) {
        GraphQlOperation page = position.token().map(cursor -> operation.withVariable(cursorVariable, cursor))
                .orElse(operation);
        return client.openPageAsync(connector, position, page, (response, at) -> RelayPage.of(shape, response, at, connector));
    }

    @Override
    public boolean opensAsynchronously() {
        return client.opensAsynchronously();
    }

    @Override
    public String toString() {
        return "RelaySource[" + connector + ": " + operation.displayName() + " " + shape.connection() + " via $"
                + cursorVariable + " at " + client.endpoint() + "]";
    }
}
