package dev.inlet.graphql.relay;

import dev.inlet.graphql.ErrorPolicy;
import dev.inlet.graphql.GraphQlResponse;
import dev.inlet.graphql.GraphQlError;
import dev.inlet.graphql.internal.ErrorSummary;
import dev.inlet.core.error.DecodingException;
import dev.inlet.core.OpenPage;
import dev.inlet.core.error.PaginationException;
import dev.inlet.core.Position;
import dev.inlet.core.ResponseInfo;
import dev.inlet.core.RunWarning;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import dev.inlet.graphql.error.GraphQlErrorsException;

/**
 * One page of a Relay connection, from a response already read into a tree (a page is bounded by
 * {@code first: N}, so there is nothing to stream): the connection's nodes, then the next position
 * from {@code pageInfo}. Nodes the position marks as delivered are skipped. A node that is null
 * because of an error (accepted under {@link ErrorPolicy#ACCEPT_PARTIAL_DATA}) is delivered as a
 * JSON null, for the connector's validation and invalid-record policy to judge.
 */
final class RelayPage implements OpenPage {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RelayPage.class);

    private final Position position;
    private final ResponseInfo info;
    private final List<JsonNode> nodes;
    private final Optional<Position> next;
    private final List<RunWarning> warnings;
    private int index;

    private RelayPage(Position position, ResponseInfo info, List<JsonNode> nodes, Optional<Position> next,
            String connector) {
        this.position = position;
        this.info = info;
        this.nodes = nodes;
        this.next = next;
        this.index = Math.min(position.skip(), nodes.size());
        if (position.skip() > nodes.size()) {
            // The nodes were delivered before: the page shrank (or the state was edited). pageInfo still
            // says whether paging goes on, so the run continues with the next page.
            String message = position.describe() + " from " + info.redactedUri() + " now holds " + nodes.size()
                    + " nodes, but the saved position had delivered " + position.skip() + " of it (the page shrank "
                    + "since, or the state was edited); paging goes on with the next page";
            LOG.warn("Relay connector '{}': {}", connector, message);
            this.warnings = List.of(new RunWarning(connector, RunWarning.SKIP_BEYOND_PAGE, message,
                    Optional.of(position)));
        } else {
            this.warnings = List.of();
        }
    }

    /**
     * Reads the connection out of a checked response.
     *
     * @throws GraphQlErrorsException if errors left nothing to page on
     * @throws DecodingException if the response lacks the connection or its page info
     * @throws PaginationException if {@code pageInfo} says there is a next page but gives no new cursor
     */
    static RelayPage of(RelayShape shape, GraphQlResponse response, Position position, String connector) {
        String where = "Relay connector '" + connector + "', " + position.describe() + " from "
                + response.info().redactedUri();
        JsonNode data = response.data().orElseThrow();
        Optional<JsonNode> connection = shape.connection().find(data);
        if (connection.isEmpty() || connection.get().isNull()) {
            if (response.hasErrors()) {
                throw new GraphQlErrorsException(where + ": the connection " + shape.connection()
                        + " is null because of errors: " + ErrorSummary.of(response.errors(), GraphQlError::describe), response, false,
                        null);
            }
            if (connection.isEmpty()) {
                throw new DecodingException(where + ": the response has no " + shape.connection(), -1, "",
                        "Check the connection path against the operation", null, false);
            }
            return new RelayPage(position, response.info(), List.of(), Optional.empty(), connector);
        }
        List<JsonNode> nodes = shape.records().select(connection.get());
        JsonNode pageInfo = connection.get().get(shape.pageInfo());
        if (pageInfo == null || !pageInfo.isObject()) {
            if (response.hasErrors()) {
                throw new GraphQlErrorsException(where + ": " + shape.connection() + "." + shape.pageInfo()
                        + " is null because of errors, so paging cannot go on: "
                        + ErrorSummary.of(response.errors(), GraphQlError::describe), response, false, null);
            }
            throw new DecodingException(where + ": the response has no " + shape.connection() + "."
                    + shape.pageInfo(), -1, "", "The server did not return the page info the operation selects",
                    null, false);
        }
        JsonNode hasNext = pageInfo.get(shape.hasNextPage());
        if (hasNext == null || !hasNext.asBoolean(false)) {
            return new RelayPage(position, response.info(), nodes, Optional.empty(), connector);
        }
        JsonNode cursor = pageInfo.get(shape.endCursor());
        if (cursor == null || !cursor.isString() || cursor.asString().isEmpty()) {
            throw new PaginationException(where + ": pageInfo says hasNextPage but endCursor is "
                    + (cursor == null ? "missing" : cursor.toString()) + "; paging cannot go on",
                    "The API returned no cursor for the next page; report it to the API's owner");
        }
        String endCursor = cursor.asString();
        if (position.token().filter(endCursor::equals).isPresent()) {
            throw new PaginationException(where + ": the endCursor is the cursor of this page; paging would loop"
                    + " forever", "The API returned the same cursor twice; check the cursor variable's name");
        }
        return new RelayPage(position, response.info(), nodes, Optional.of(position.next(endCursor, nodes.size())),
                connector);
    }

    @Override
    public Position position() {
        return position;
    }

    @Override
    public ResponseInfo response() {
        return info;
    }

    @Override
    public boolean hasNext() {
        return index < nodes.size();
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records on " + position.describe());
        }
        return nodes.get(index++);
    }

    @Override
    public Optional<Position> nextPosition() {
        if (hasNext()) {
            throw new IllegalStateException("the next position of " + position.describe()
                    + " is known only after all its records were read");
        }
        return next;
    }

    @Override
    public List<RunWarning> warnings() {
        return warnings;
    }

    @Override
    public void close() {
        index = nodes.size();
    }
}
