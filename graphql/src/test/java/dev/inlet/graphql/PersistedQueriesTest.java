package dev.inlet.graphql;

import dev.inlet.graphql.relay.RelayConnector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.RecordingListener;
import dev.inlet.graphql.GraphQlTestServer.Received;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Automatic Persisted Queries: hash first, the full query when the server has not stored it. */
class PersistedQueriesTest {

    private static GraphQlClient client(GraphQlTestServer server, boolean get) {
        return client(server, get, ErrorPolicy.FAIL_ON_ERRORS);
    }

    private static GraphQlClient client(GraphQlTestServer server, boolean get, ErrorPolicy policy) {
        return GraphQlClient.builder(server.url()).persistedQueries(true).getForQueries(get).errorPolicy(policy)
                .pipeline(Fixtures.pipeline(new FakeClock(), new RecordingListener())).build();
    }

    @Test
    void theHashIsSentFirstAndTheQueryOnlyWhenTheServerAsksForIt() {
        try (GraphQlTestServer server = GraphQlTestServer.builder().orders(10).start()) {
            GraphQlClient client = client(server, false);
            GraphQlOperation orders = Fixtures.orders(2);

            GraphQlResponse first = client.execute(orders);
            GraphQlResponse second = client.execute(orders.withVariable("after", OrdersSchema.cursor(1)));

            assertThat(first.getList("orders.edges[*].node.number", Integer.class)).containsExactly(0, 1);
            assertThat(second.getList("orders.edges[*].node.number", Integer.class)).containsExactly(2, 3);
            List<Received> received = server.received();
            assertThat(received).hasSize(3).allSatisfy(r -> assertThat(r.hash()).isEqualTo(orders.sha256()));
            assertThat(received).extracting(r -> r.query() != null).containsExactly(false, true, false);
            assertThat(server.persistedQueryMisses()).isEqualTo(1);
            assertThat(client.persistedQueries()).isTrue();
        }
    }

    @Test
    void hashOnlyQueriesGoAsCacheableGetsAndTheFullQueryAsPost() {
        try (GraphQlTestServer server = GraphQlTestServer.builder().orders(10).start()) {
            // A miss is an answer without data: handled the same when partial data is accepted.
            GraphQlClient client = client(server, true, ErrorPolicy.ACCEPT_PARTIAL_DATA);

            client.execute(Fixtures.orders(1));
            client.execute(Fixtures.orders(1));

            assertThat(server.received()).extracting(Received::method).containsExactly("GET", "POST", "GET");
            assertThat(server.persistedQueryMisses()).isEqualTo(1);
        }
    }

    @Test
    void aServerWithoutPersistedQueriesGetsTheFullQueryFromThenOn() {
        try (GraphQlTestServer server = GraphQlTestServer.builder().orders(10).persistedQueriesSupported(false)
                .start()) {
            GraphQlClient client = client(server, false);

            client.execute(Fixtures.orders(1));
            client.execute(Fixtures.orders(1));

            assertThat(server.received()).extracting(r -> r.hash() != null).containsExactly(true, false, false);
            assertThat(server.received()).extracting(r -> r.query() != null).containsExactly(false, true, true);
            assertThat(client.persistedQueries()).isFalse();
        }
    }

    @Test
    void relayPagesUsePersistedQueriesToo() {
        try (GraphQlTestServer server = GraphQlTestServer.builder().orders(25).start()) {
            var connector = RelayConnector.builder("orders").client(client(server, false))
                    .operation(Fixtures.orders(10)).connection("orders").build();

            assertThat(connector.records().count()).isEqualTo(25);
            // One miss registers the query; the two later pages are hash-only.
            assertThat(server.received()).extracting(r -> r.query() != null).containsExactly(false, true, false, false);
        }
    }
}
