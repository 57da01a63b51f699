package dev.inlet.declarative.openapi;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one import: the draft definition's YAML text and what was found per list operation.
 * Immutable.
 */
public final class ImportResult {

    private final String yaml;
    private final List<OperationFinding> operations;
    private final List<String> parserMessages;

    ImportResult(String yaml, List<OperationFinding> operations, List<String> parserMessages) {
        this.yaml = Objects.requireNonNull(yaml);
        this.operations = List.copyOf(operations);
        this.parserMessages = List.copyOf(parserMessages);
    }

    /** The draft definition (loads with {@code Definitions.load}); every guess carries a {@code # guess:} comment. */
    public String yaml() {
        return yaml;
    }

    /** The list operations that became streams, in document order. */
    public List<OperationFinding> operations() {
        return operations;
    }

    /** What the OpenAPI parser reported about the document (warnings about invalid parts), possibly empty. */
    public List<String> parserMessages() {
        return parserMessages;
    }

    @Override
    public String toString() {
        return "ImportResult[" + operations.size() + " streams]";
    }
}
