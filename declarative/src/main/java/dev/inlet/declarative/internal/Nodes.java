package dev.inlet.declarative.internal;

import java.math.BigDecimal;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** <b>Internal.</b> Converts a part of a definition (an inline schema, a JSON body) into Jackson's tree. */
public final class Nodes {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Nodes() {
    }

    /** The value as JSON; strings pass through {@code strings} (placeholders resolved, or not). */
    public static JsonNode json(Node node, java.util.function.Function<Node, String> strings) {
        if (node instanceof Node.Mapping mapping) {
            ObjectNode object = JSON.objectNode();
            for (Map.Entry<String, Node> entry : mapping.entries().entrySet()) {
                object.set(entry.getKey(), json(entry.getValue(), strings));
            }
            return object;
        }
        if (node instanceof Node.Sequence sequence) {
            ArrayNode array = JSON.arrayNode();
            for (Node item : sequence.items()) {
                array.add(json(item, strings));
            }
            return array;
        }
        Node.Scalar scalar = (Node.Scalar) node;
        return switch (scalar.kind()) {
            case STRING -> JSON.stringNode(strings.apply(scalar));
            case INTEGER, DECIMAL -> JSON.numberNode(new BigDecimal(scalar.text()));
            case BOOLEAN -> JSON.booleanNode(Boolean.parseBoolean(scalar.text()));
            case NULL -> JSON.nullNode();
        };
    }

    /** The value as JSON, strings as written. */
    public static JsonNode literal(Node node) {
        return json(node, n -> ((Node.Scalar) n).text());
    }
}
