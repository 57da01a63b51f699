package dev.inlet.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import dev.inlet.graphql.error.GraphQlException;

class GraphQlPathTest {

    private final JsonNode data = Json.mapper().readTree("""
            {"orders": {"edges": [{"node": {"id": "a"}}, {"node": null}, {"node": {"id": "c"}}]}, "shop": null}""");

    @Test
    void pathsAreReadAndWrittenTheSameWay() {
        for (String text : List.of("orders", "orders.edges[*].node", "orders.edges[12].node.id", "a_1.b2[0][1]", "")) {
            assertThat(GraphQlPath.parse(text)).hasToString(text);
        }
        assertThat(GraphQlPath.parse("orders.edges[3].node").segments()).containsExactly("orders", "edges", 3, "node");
        assertThat(GraphQlPath.of(List.of("orders", "edges", 3))).isEqualTo(GraphQlPath.parse("orders.edges[3]"));
        assertThat(GraphQlPath.parse("orders.edges[*]").isDefinite()).isFalse();
    }

    @Test
    void malformedPathsSayWhereTheyGoWrong() {
        assertThatThrownBy(() -> GraphQlPath.parse("orders..id")).isInstanceOf(GraphQlException.class)
                .hasMessageContaining("at character 8");
        assertThatThrownBy(() -> GraphQlPath.parse("orders[x]")).isInstanceOf(GraphQlException.class)
                .hasMessageContaining("a list index or '*'");
        assertThatThrownBy(() -> GraphQlPath.parse("orders[1")).isInstanceOf(GraphQlException.class)
                .hasMessageContaining("closing ']'");
        assertThatThrownBy(() -> GraphQlPath.parse("orders.")).isInstanceOf(GraphQlException.class)
                .hasMessageContaining("a field name after the '.'");
        assertThatThrownBy(() -> GraphQlPath.parse("1orders")).isInstanceOf(GraphQlException.class);
        assertThatThrownBy(() -> GraphQlPath.of(List.of("a", -1))).isInstanceOf(GraphQlException.class);
    }

    @Test
    void wildcardsSelectEveryElementAndMatchAnyIndex() {
        assertThat(GraphQlPath.parse("orders.edges[*].node.id").select(data)).extracting(JsonNode::asString)
                .containsExactly("a", "c");
        assertThat(GraphQlPath.parse("orders.edges[*].node").select(data)).hasSize(3);
        assertThat(GraphQlPath.parse("orders.edges[1].node").find(data)).hasValueSatisfying(n ->
                assertThat(n.isNull()).isTrue());
        assertThat(GraphQlPath.parse("shop.name").find(data)).isEmpty();
        assertThat(GraphQlPath.parse("orders.edges[7]").find(data)).isEmpty();
        assertThat(GraphQlPath.parse("").find(data)).contains(data);

        GraphQlPath errorPath = GraphQlPath.of(List.of("orders", "edges", 1, "node", "id"));
        assertThat(errorPath.startsWith(GraphQlPath.parse("orders.edges[*].node"))).isTrue();
        assertThat(errorPath.startsWith(GraphQlPath.parse("orders.edges[2]"))).isFalse();
        assertThat(errorPath.startsWith(GraphQlPath.root())).isTrue();
    }
}
