package dev.inlet.graphql;

import dev.inlet.graphql.relay.RelayConnector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Json;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.RecordingListener;
import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import dev.inlet.graphql.error.GraphQlSyntaxException;
import dev.inlet.graphql.error.GraphQlValidationException;

/** Operations checked against a schema (SDL or introspection) before anything is sent. */
class SchemaValidationTest {

    private static final String MISSPELT = """
            query Orders($first: Int!, $after: String) {
              orders(first: $first, after: $after) {
                nodes { id colour }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    private final GraphQlTestServer server = GraphQlTestServer.builder().orders(10).start();

    @AfterEach
    void stop() {
        server.close();
    }

    private GraphQlClient.Builder client() {
        return GraphQlClient.builder(server.url()).pipeline(Fixtures.pipeline(new FakeClock(), new RecordingListener()));
    }

    @Test
    void anOperationThatDoesNotFitTheSdlFailsWithItsLocationAndNothingIsSent() {
        GraphQlClient client = client().schema(GraphQlSchema.fromSdl(OrdersSchema.SDL)).build();
        GraphQlOperation misspelt = GraphQlOperation.builder(MISSPELT).variable("first", 2).build();

        assertThatThrownBy(() -> client.execute(misspelt))
                .isInstanceOfSatisfying(GraphQlValidationException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.message()).contains("'colour'").contains("'Order'");
                        assertThat(p.locations()).containsExactly(new GraphQlError.Location(3, 16));
                        assertThat(p.code()).hasValue("FieldUndefined");
                    });
                    assertThat(e.getMessage()).contains("Operation Orders does not fit the schema (SDL)")
                            .contains("line 3, column 16").contains("nothing was sent");
                });
        assertThatThrownBy(() -> RelayConnector.builder("orders").client(client).operation(misspelt)
                .connection("orders").build()).isInstanceOf(GraphQlValidationException.class);
        assertThat(server.requests()).isZero();
        assertThat(client.execute(Fixtures.orders(2)).getList("orders.edges[*].node.number", Integer.class))
                .containsExactly(0, 1);
    }

    @Test
    void aSchemaCanComeFromTheServersIntrospection() {
        GraphQlResponse introspection = client().build().execute(IntrospectionQuery.INTROSPECTION_QUERY);
        GraphQlSchema schema = GraphQlSchema.fromIntrospection(introspection.data().orElseThrow());

        assertThat(schema.problems(Fixtures.orders(2))).isEmpty();
        assertThat(schema.problems(GraphQlOperation.builder(MISSPELT).variable("first", 2).build())).hasSize(1);
        assertThat(schema.problems(GraphQlOperation.of("query { order(number: \"x\") { id } }")))
                .singleElement().satisfies(p -> assertThat(p.code()).hasValue("WrongType"));
        assertThat(GraphQlSchema.fromIntrospection(Json.mapper().valueToTree(java.util.Map.of("data",
                introspection.data().orElseThrow()))).problems(Fixtures.orders(1))).isEmpty();
    }

    @Test
    void aBrokenSchemaIsReportedAsSuch() {
        assertThatThrownBy(() -> GraphQlSchema.fromSdl("type Query {\n  a: Int\n  b: }"))
                .isInstanceOfSatisfying(GraphQlSyntaxException.class, e -> assertThat(e.line()).isEqualTo(3));
        assertThatThrownBy(() -> GraphQlSchema.fromSdl("type Query { a: Missing }"))
                .isInstanceOf(GraphQlValidationException.class).hasMessageContaining("'Missing'");
        assertThatThrownBy(() -> GraphQlSchema.fromIntrospection(Json.mapper().readTree("{\"data\": {\"x\": 1}}")))
                .isInstanceOf(GraphQlValidationException.class).hasMessageContaining("no __schema");
    }
}
