package dev.inlet.bench.graphql;

import dev.inlet.bench.paging.PagingClient;
import dev.inlet.bench.paging.Tally;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hand-written Relay loop: the JDK client (HTTP/1.1, direct executor), a JSON POST of the query
 * with {@code first} and {@code after}, the response read as bytes into a tree, its edges' nodes
 * taken, and {@code pageInfo} followed until {@code hasNextPage} is false. No error handling beyond
 * the status, no retries.
 */
public final class RelayLoop implements PagingClient {

    static final String QUERY = "query Items($first: Int!, $after: String) { items(first: $first, after: $after) "
            + "{ edges { node { id n amount currency status created paid customer description } } "
            + "pageInfo { hasNextPage endCursor } } }";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Runnable::run).build();
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Override
    public void readAll(String baseUrl, int perPage, Tally tally) throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl + "/graphql");
        String cursor = null;
        boolean more = true;
        while (more) {
            ObjectNode body = mapper.createObjectNode().put("query", QUERY).put("operationName", "Items");
            ObjectNode variables = body.putObject("variables").put("first", perPage);
            if (cursor != null) {
                variables.put("after", cursor);
            }
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            JsonNode items = mapper.readTree(response.body()).path("data").path("items");
            for (JsonNode edge : items.path("edges")) {
                tally.add(edge.get("node"));
            }
            JsonNode pageInfo = items.path("pageInfo");
            more = pageInfo.path("hasNextPage").asBoolean(false);
            cursor = pageInfo.path("endCursor").asString();
        }
    }
}
