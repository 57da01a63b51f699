package dev.inlet.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.RecordingListener;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import dev.inlet.graphql.error.GraphQlException;
import dev.inlet.graphql.error.GraphQlSyntaxException;

/** Operations are parsed and checked locally; what goes on the wire for queries and mutations. */
class OperationTest {

    private final FakeClock clock = new FakeClock();
    private final GraphQlTestServer server = GraphQlTestServer.builder().orders(20).start();

    @AfterEach
    void stop() {
        server.close();
    }

    private GraphQlClient.Builder client() {
        return GraphQlClient.builder(server.url()).pipeline(Fixtures.pipeline(clock, new RecordingListener()));
    }

    @Test
    void aSyntaxErrorIsCaughtLocallyWithLineAndColumnAndNothingIsSent() {
        GraphQlClient client = client().build();
        String broken = """
                query Orders {
                  orders(first: 2 {
                    nodes { id }
                  }
                }""";

        assertThatThrownBy(() -> client.execute(broken))
                .isInstanceOfSatisfying(GraphQlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(19);
                    assertThat(e.getMessage()).contains("line 2, column 19").contains("nothing was sent");
                });
        assertThat(server.requests()).isZero();
    }

    @Test
    void theOperationIsChosenByNameAndItsKindReadFromTheDocument() {
        String document = """
                query One { order(number: 1) { id } }
                mutation Tag($n: Int!) { tagOrder(number: $n, tag: "vip") { id } }""";

        GraphQlOperation query = GraphQlOperation.builder(document).operationName("One").build();
        GraphQlOperation mutation = GraphQlOperation.builder(document).operationName("Tag").variable("n", 3).build();

        assertThat(query.type()).isEqualTo(OperationType.QUERY);
        assertThat(mutation.type()).isEqualTo(OperationType.MUTATION);
        assertThat(mutation.isMutation()).isTrue();
        assertThatThrownBy(() -> GraphQlOperation.of(document)).isInstanceOf(GraphQlException.class)
                .hasMessageContaining("defines 2 operations (One, Tag)").hasMessageContaining("operationName");
        assertThatThrownBy(() -> GraphQlOperation.builder(document).operationName("Three").build())
                .isInstanceOf(GraphQlException.class).hasMessageContaining("no operation named 'Three'");
    }

    @Test
    void variablesAreCheckedAgainstTheDeclarations() {
        assertThatThrownBy(() -> GraphQlOperation.builder(Fixtures.ORDERS).build())
                .isInstanceOf(GraphQlException.class).hasMessageContaining("requires the variable $first (Int!)");
        assertThatThrownBy(() -> GraphQlOperation.builder(Fixtures.ORDERS).variable("first", 2)
                .variable("frist", 2).build())
                .isInstanceOf(GraphQlException.class)
                .hasMessageContaining("does not declare the variable $frist; it declares $first, $after");
        assertThatThrownBy(() -> Fixtures.orders(2).withVariable("before", "x"))
                .isInstanceOf(GraphQlException.class).hasMessageContaining("$before");
    }

    @Test
    void variablesMayBeAMapOrAnyJacksonSerialisableObject() {
        record Page(int first, String after) {
        }
        GraphQlOperation fromRecord = GraphQlOperation.builder(Fixtures.ORDERS)
                .variables(new Page(3, OrdersSchema.cursor(4))).build();
        GraphQlOperation fromMap = GraphQlOperation.builder(Fixtures.ORDERS)
                .variables(Map.of("first", 3, "after", OrdersSchema.cursor(4))).build();

        assertThat(fromRecord).isEqualTo(fromMap);
        GraphQlResponse response = client().build().execute(fromRecord);
        assertThat(response.getList("orders.edges[*].node.number", Integer.class)).containsExactly(5, 6, 7);
        assertThat(server.received().get(0).variables().get("after").asString()).isEqualTo(OrdersSchema.cursor(4));
    }

    @Test
    void queriesAreRetryableReadsAndMutationsCarryAnIdempotencyKeyWhenTheRetryPolicyAddsKeys() {
        GraphQlClient client = client().retryPolicy(dev.inlet.core.retry.RetryPolicy.builder().idempotencyKeys()
                .build()).build();
        client.execute(GraphQlOperation.builder("query($n: Int!) { order(number: $n) { id } }").variable("n", 1)
                .build());
        client.execute(GraphQlOperation.builder("mutation($n: Int!) { tagOrder(number: $n, tag: \"vip\") { id } }")
                .variable("n", 1).build());

        assertThat(server.received()).extracting(GraphQlTestServer.Received::method).containsExactly("POST", "POST");
        assertThat(server.received().get(0).idempotencyKey()).isNull();
        assertThat(server.received().get(1).idempotencyKey()).isNotBlank();
    }

    @Test
    void queriesGoAsGetWhenAskedButMutationsStayPost() {
        GraphQlClient client = client().getForQueries(true).build();
        GraphQlResponse read = client.execute(Fixtures.orders(2));
        client.execute(GraphQlOperation.builder("mutation { tagOrder(number: 2, tag: \"vip\") { id } }").build());

        assertThat(read.getList("orders.edges[*].node.id", String.class))
                .containsExactly("gid://test/Order/0", "gid://test/Order/1");
        assertThat(server.received()).extracting(GraphQlTestServer.Received::method).containsExactly("GET", "POST");
        assertThat(server.received().get(0).variables().get("first").asInt()).isEqualTo(2);
    }

    @Test
    void subscriptionsAndEmptyDocumentsAreRefusedWithAReason() {
        assertThatThrownBy(() -> GraphQlOperation.of("subscription { orders(first: 1) { nodes { id } } }"))
                .isInstanceOf(GraphQlException.class).hasMessageContaining("subscription");
        assertThatThrownBy(() -> GraphQlOperation.of("  ")).isInstanceOf(GraphQlException.class)
                .hasMessageContaining("needs a document");
        assertThatThrownBy(() -> GraphQlOperation.of("fragment F on Order { id }"))
                .isInstanceOf(GraphQlException.class).hasMessageContaining("defines no operation");
    }

    @Test
    void anOperationShowsItsVariableNamesButNeverTheirValues() {
        GraphQlOperation op = GraphQlOperation.builder(Fixtures.ORDERS).variable("first", 2)
                .variable("after", "secret-cursor").build();

        assertThat(op.toString()).contains("query Orders").contains("$first").contains("$after")
                .doesNotContain("secret-cursor");
        assertThat(op.sha256()).hasSize(64).isEqualTo(GraphQlOperation.sha256Hex(Fixtures.ORDERS));
        assertThat(op.withVariable("after", null).variable("after")).hasValueSatisfying(v ->
                assertThat(v.isNull()).isTrue());
    }
}
