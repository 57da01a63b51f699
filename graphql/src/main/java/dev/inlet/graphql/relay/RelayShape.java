package dev.inlet.graphql.relay;

import dev.inlet.graphql.GraphQlOperation;
import dev.inlet.graphql.GraphQlPath;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import dev.inlet.graphql.error.GraphQlException;

/**
 * Where a Relay connection's records and page info are in the response, read from the operation's
 * selection before anything is sent: {@code edges { node }} or {@code nodes}, and
 * {@code pageInfo { hasNextPage endCursor }}, under their response keys (aliases honoured,
 * fragments followed).
 *
 * @param connection the path of the connection in {@code data}
 * @param records the path of the records inside the connection ({@code edges[*].node} or {@code nodes[*]})
 * @param pageInfo the response key of {@code pageInfo}
 * @param hasNextPage the response key of {@code hasNextPage}
 * @param endCursor the response key of {@code endCursor}
 */
record RelayShape(GraphQlPath connection, GraphQlPath records, String pageInfo, String hasNextPage,
        String endCursor) {

    private static final int MAX_FRAGMENT_DEPTH = 32;

    /**
     * Reads the shape from the operation.
     *
     * @throws GraphQlException if the operation does not select the connection, its records or
     *     {@code pageInfo { hasNextPage endCursor }}
     */
    static RelayShape of(GraphQlOperation operation, GraphQlPath connection, String connector) {
        Map<String, FragmentDefinition> fragments = operation.parsed().getDefinitionsOfType(FragmentDefinition.class)
                .stream().collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
        List<SelectionSet> level = List.of(operation.definition().getSelectionSet());
        GraphQlPath walked = GraphQlPath.root();
        for (Object segment : connection.segments()) {
            if (segment instanceof Integer) {
                walked = GraphQlPath.of(append(walked.segments(), segment));
                continue;
            }
            String key = (String) segment;
            List<Field> matches = fields(level, fragments).stream().filter(f -> f.getResultKey().equals(key)).toList();
            if (matches.isEmpty()) {
                throw problem(connector, operation, "does not select '" + key + "' at "
                        + (walked.isRoot() ? "the top of data" : walked.toString()) + "; it selects "
                        + keys(level, fragments), "Check the connection path against the operation's selection");
            }
            walked = walked.child(key);
            level = selections(matches);
        }
        List<Field> inConnection = fields(level, fragments);
        String where = connection.toString();
        Field nodes = named(inConnection, "nodes");
        GraphQlPath records;
        if (nodes != null) {
            records = GraphQlPath.of(List.of(nodes.getResultKey(), GraphQlPath.ANY_INDEX));
        } else {
            Field edges = named(inConnection, "edges");
            Field node = edges == null ? null : named(fields(selections(allNamed(inConnection, "edges")), fragments),
                    "node");
            if (node == null) {
                throw problem(connector, operation, "selects neither edges { node { ... } } nor nodes { ... } in "
                        + where, "Select the records as edges { node { ... } } or nodes { ... }");
            }
            records = GraphQlPath.of(List.of(edges.getResultKey(), GraphQlPath.ANY_INDEX, node.getResultKey()));
        }
        Field pageInfo = named(inConnection, "pageInfo");
        List<Field> inPageInfo = fields(selections(allNamed(inConnection, "pageInfo")), fragments);
        Field hasNextPage = named(inPageInfo, "hasNextPage");
        Field endCursor = named(inPageInfo, "endCursor");
        if (hasNextPage == null || endCursor == null) {
            throw problem(connector, operation, "does not select pageInfo { hasNextPage endCursor } in " + where
                    + "; paging needs both", "Add pageInfo { hasNextPage endCursor } to the selection of " + where);
        }
        return new RelayShape(connection, records, pageInfo.getResultKey(), hasNextPage.getResultKey(),
                endCursor.getResultKey());
    }

    /** The fields selected in these selection sets, through inline fragments and fragment spreads. */
    private static List<Field> fields(List<SelectionSet> sets, Map<String, FragmentDefinition> fragments) {
        List<Field> out = new ArrayList<>();
        for (SelectionSet set : sets) {
            collect(set, fragments, out, 0);
        }
        return out;
    }

    private static void collect(SelectionSet set, Map<String, FragmentDefinition> fragments, List<Field> out,
            int depth) {
        if (set == null || depth > MAX_FRAGMENT_DEPTH) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                out.add(field);
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), fragments, out, depth + 1);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                collect(fragments.get(spread.getName()).getSelectionSet(), fragments, out, depth + 1);
            }
        }
    }

    /** The selection sets of fields that share a response key: GraphQL merges them. */
    private static List<SelectionSet> selections(List<Field> fields) {
        return fields.stream().map(Field::getSelectionSet).filter(s -> s != null).toList();
    }

    /** The first field of that schema name (whatever its alias), or null. */
    private static Field named(List<Field> fields, String name) {
        return fields.stream().filter(f -> f.getName().equals(name)).findFirst().orElse(null);
    }

    /** Every field of that schema name with the same response key as the first: their selections merge. */
    private static List<Field> allNamed(List<Field> fields, String name) {
        Field first = named(fields, name);
        return first == null ? List.of() : fields.stream()
                .filter(f -> f.getName().equals(name) && f.getResultKey().equals(first.getResultKey())).toList();
    }

    private static String keys(List<SelectionSet> level, Map<String, FragmentDefinition> fragments) {
        Set<String> keys = new LinkedHashSet<>();
        fields(level, fragments).forEach(f -> keys.add(f.getResultKey()));
        return keys.isEmpty() ? "no fields" : String.join(", ", keys);
    }

    private static List<Object> append(List<Object> segments, Object segment) {
        List<Object> out = new ArrayList<>(segments);
        out.add(segment);
        return out;
    }

    private static GraphQlException problem(String connector, GraphQlOperation operation, String what, String hint) {
        return new GraphQlException("Relay connector '" + connector + "': operation " + operation.displayName() + " "
                + what, hint);
    }
}
