package dev.inlet.core.record;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import dev.inlet.core.Position;

/**
 * A record that failed validation or mapping, with everything needed to inspect or replay it.
 *
 * @param connector the connector's name
 * @param page where the record's page was asked for
 * @param indexInPage the record's 0-based index within its page
 * @param record the raw record as received
 * @param violations every reason it was rejected
 */
public record Rejection(String connector, Position page, int indexInPage, JsonNode record,
        List<Violation> violations) {

    /** Copies the list; checks that nothing is null. */
    public Rejection {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(record, "record");
        violations = List.copyOf(violations);
    }

    /** The record's 0-based index in the whole run. */
    public long recordNumber() {
        return page.recordsBefore() + indexInPage;
    }

    /** One line: connector, page, index and reasons. */
    public String describe() {
        return "record " + indexInPage + " of " + page.describe() + " of connector '" + connector + "': "
                + violations;
    }

    @Override
    public String toString() {
        return "Rejection[" + describe() + "]";
    }
}
