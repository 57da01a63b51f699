package dev.inlet.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.RecordingListener;
import dev.inlet.graphql.Fixtures.Order;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import dev.inlet.graphql.error.GraphQlErrorsException;
import dev.inlet.graphql.error.GraphQlException;

/**
 * Errors beside data: the failing policy names each error's path; the accepting policy returns the
 * data and tells a null caused by an error from a real one. Order 3's nullable {@code risk} fails
 * (only that field is null); order 4's non-null {@code riskScore} fails (its whole node is null).
 */
class PartialDataTest {

    private static final String RISKY = """
            query Risky {
              orders(first: 5) {
                edges { node { id number totalPrice note risk riskScore } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    private final GraphQlTestServer server = GraphQlTestServer.builder().orders(10).failingRisk(3).failingScore(4)
            .start();

    @AfterEach
    void stop() {
        server.close();
    }

    private GraphQlClient client(ErrorPolicy policy) {
        return GraphQlClient.builder(server.url()).errorPolicy(policy)
                .pipeline(Fixtures.pipeline(new FakeClock(), new RecordingListener())).build();
    }

    @Test
    void byDefaultAnyErrorFailsTheCallAndSaysWhere() {
        assertThatThrownBy(() -> client(ErrorPolicy.FAIL_ON_ERRORS).execute(RISKY))
                .isInstanceOfSatisfying(GraphQlErrorsException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.errors()).hasSize(2);
                    assertThat(e.getMessage()).contains("for Risky").contains("(at orders.edges[3].node.risk)")
                            .contains("(at orders.edges[4].node.riskScore)");
                    assertThat(e.response()).hasValueSatisfying(r -> assertThat(r.data()).isPresent());
                });
        assertThat(server.requests()).as("a GraphQL error is an answer, not a failure to retry").isEqualTo(1);
    }

    @Test
    void partialDataIsAcceptedAndEachErrorFoundByItsPath() {
        GraphQlResponse response = client(ErrorPolicy.ACCEPT_PARTIAL_DATA).execute(RISKY);

        assertThat(response.hasErrors()).isTrue();
        assertThat(response.errorsAt("orders.edges[3]")).singleElement().satisfies(e -> {
            assertThat(e.path()).hasValue(GraphQlPath.parse("orders.edges[3].node.risk"));
            assertThat(e.message()).contains("risk service unavailable");
            assertThat(e.locations()).isNotEmpty();
        });
        assertThat(response.errorsAt("orders.edges[*].node")).hasSize(2);
        assertThat(response.errorsAt("orders.edges[0]")).isEmpty();

        // A field nulled by its own error, and a node nulled by its non-null child's error.
        assertThat(response.isNullBecauseOfError("orders.edges[3].node.risk")).isTrue();
        assertThat(response.isNullBecauseOfError("orders.edges[4].node")).isTrue();
        assertThat(response.isNullBecauseOfError("orders.edges[4].node.number")).isTrue();
        // A real null, and values that are present.
        assertThat(response.isNullBecauseOfError("orders.edges[3].node.note")).isFalse();
        assertThat(response.at("orders.edges[3].node.note")).hasValueSatisfying(n -> assertThat(n.isNull()).isTrue());
        assertThat(response.isNullBecauseOfError("orders.edges[2].node.risk")).isFalse();
        assertThat(response.get("orders.edges[2].node.risk", String.class)).hasValue("LOW");
        assertThat(response.get("orders.edges[3].node.risk", String.class)).isEmpty();
    }

    @Test
    void valuesAreExtractedByPathAsTypes() {
        GraphQlResponse response = client(ErrorPolicy.ACCEPT_PARTIAL_DATA).execute(RISKY);

        List<Order> orders = response.getList("orders.edges[*].node", Order.class);
        assertThat(orders).extracting(Order::number).containsExactly(0, 1, 2, 3);
        assertThat(orders.get(2).totalPrice()).isEqualByComparingTo("2.50");
        assertThat(response.get("orders.edges[1].node", Order.class)).hasValue(
                new Order("gid://test/Order/1", 1, new java.math.BigDecimal("1.50")));
        assertThat(response.get("orders.pageInfo.hasNextPage", Boolean.class)).hasValue(true);
        assertThat(response.get("orders.edges", new TypeReference<List<Object>>() { })).hasValueSatisfying(edges ->
                assertThat(edges).hasSize(5));
        assertThat(response.get("orders.missing", String.class)).isEmpty();
        assertThat(response.all("orders.edges[*].node.riskScore")).hasSize(4);
        assertThatThrownBy(() -> response.get("orders.edges[0].node.id", Integer.class))
                .isInstanceOf(GraphQlException.class)
                .hasMessageContaining("The value at orders.edges[0].node.id").hasMessageContaining("cannot be read as");
        assertThatThrownBy(() -> response.at("orders.edges[*]")).isInstanceOf(GraphQlException.class)
                .hasMessageContaining("names every element");
    }

    @Test
    void errorsWithoutDataFailEvenWhenPartialDataIsAccepted() {
        assertThatThrownBy(() -> client(ErrorPolicy.ACCEPT_PARTIAL_DATA)
                .execute("query { broken }"))
                .isInstanceOf(GraphQlErrorsException.class).hasMessageContaining("broken beyond repair")
                .hasMessageContaining("and no data");
    }

    @Test
    void aNullParentIsNotBlamedOnAnErrorElsewhere() {
        GraphQlResponse response = client(ErrorPolicy.ACCEPT_PARTIAL_DATA)
                .execute("query { order(number: 4) { riskScore } other: order(number: 5) { note } }");

        assertThat(response.isNullBecauseOfError("order")).isTrue();
        assertThat(response.isNullBecauseOfError("other.note")).isFalse();
        assertThat(response.errorsAt("other")).isEmpty();
    }
}
