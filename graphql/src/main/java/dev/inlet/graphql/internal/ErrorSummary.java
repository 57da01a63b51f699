package dev.inlet.graphql.internal;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One line quoting the first few of a list of GraphQL errors, for exception messages: the client's,
 * the schema's and the Relay connector's say it the same way. Internal: not for use outside Inlet.
 */
public final class ErrorSummary {

    /** How many problems a message quotes; the rest are counted. */
    public static final int QUOTED_PROBLEMS = 3;

    private ErrorSummary() {
    }

    /** The first {@value #QUOTED_PROBLEMS} problems as described, joined, and how many more there are. */
    public static <T> String of(List<T> problems, Function<T, String> describe) {
        String quoted = problems.stream().limit(QUOTED_PROBLEMS).map(describe).collect(Collectors.joining("; "));
        return problems.size() > QUOTED_PROBLEMS ? quoted + "; and " + (problems.size() - QUOTED_PROBLEMS) + " more"
                : quoted;
    }
}
