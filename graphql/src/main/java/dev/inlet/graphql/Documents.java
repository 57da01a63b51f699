package dev.inlet.graphql;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.List;
import java.util.stream.Collectors;
import dev.inlet.graphql.error.GraphQlException;
import dev.inlet.graphql.error.GraphQlSyntaxException;

/** Parsing GraphQL documents with graphql-java, and choosing the operation to run. */
final class Documents {

    private Documents() {
    }

    /**
     * Parses an executable document (operations and fragments).
     *
     * @throws GraphQlSyntaxException with the line and column of the first offending token
     */
    static Document parseOperation(String text) {
        if (text == null || text.isBlank()) {
            throw new GraphQlException("A GraphQL operation needs a document, got "
                    + (text == null ? "null" : "a blank string"), "Pass the query or mutation text");
        }
        try {
            return Parser.parse(ParserEnvironment.newParserEnvironment().document(text)
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
        } catch (InvalidSyntaxException e) {
            throw syntaxError("operation", e);
        }
    }

    /** The exception for a parser's syntax error, with its position. */
    static GraphQlSyntaxException syntaxError(String what, InvalidSyntaxException e) {
        SourceLocation at = e.getLocation();
        int line = at == null ? -1 : at.getLine();
        int column = at == null ? -1 : at.getColumn();
        String where = at == null ? "" : " at line " + line + ", column " + column;
        String preview = e.getSourcePreview() == null || e.getSourcePreview().isBlank() ? ""
                : "; near: " + e.getSourcePreview().strip().replaceAll("\\s+", " ");
        return new GraphQlSyntaxException("Invalid GraphQL " + what + " syntax" + where + ": " + e.getMessage()
                + (preview.length() > 120 ? preview.substring(0, 117) + "..." : preview), line, column,
                "Fix the document; nothing was sent", e);
    }

    /**
     * The operation to run: the one named, or the only one.
     *
     * @throws GraphQlException if the name is unknown, the document has several operations and none
     *     was named, or it has none
     */
    static OperationDefinition select(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operations.isEmpty()) {
            throw new GraphQlException("The GraphQL document defines no operation (only fragments?)",
                    "Add a query or mutation to the document");
        }
        if (operationName != null) {
            return operations.stream().filter(o -> operationName.equals(o.getName())).findFirst()
                    .orElseThrow(() -> new GraphQlException("The GraphQL document has no operation named '"
                            + operationName + "'; it defines " + names(operations),
                            "Use one of the names the document defines"));
        }
        if (operations.size() > 1) {
            throw new GraphQlException("The GraphQL document defines " + operations.size() + " operations ("
                    + names(operations) + ") and none was chosen", "Name one with operationName(...)");
        }
        return operations.get(0);
    }

    private static String names(List<OperationDefinition> operations) {
        return operations.stream().map(o -> o.getName() == null ? "(anonymous)" : o.getName())
                .collect(Collectors.joining(", "));
    }
}
