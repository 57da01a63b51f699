package dev.inlet.bench.graphql;

import dev.inlet.bench.paging.PagingClient;
import dev.inlet.bench.paging.Tally;
import dev.inlet.core.Connector;
import dev.inlet.graphql.GraphQlClient;
import dev.inlet.graphql.GraphQlOperation;
import dev.inlet.graphql.relay.RelayConnector;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** Inlet's {@link RelayConnector} over the same query, built as its README shows, defaults left alone. */
public final class InletRelay implements PagingClient {

    private String builtFor;
    private Connector<JsonNode> connector;

    @Override
    public void readAll(String baseUrl, int perPage, Tally tally) {
        if (!baseUrl.equals(builtFor)) {
            GraphQlClient client = GraphQlClient.builder(baseUrl + "/graphql").build();
            connector = RelayConnector.builder("items").client(client)
                    .operation(GraphQlOperation.builder(RelayLoop.QUERY).variable("first", perPage).build())
                    .connection("items").build();
            builtFor = baseUrl;
        }
        try (Stream<JsonNode> records = connector.records()) {
            records.forEach(tally::add);
        }
    }
}
