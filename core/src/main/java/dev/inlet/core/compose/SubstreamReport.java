package dev.inlet.core.compose;

import java.util.List;

/**
 * What a substream run did. Immutable.
 *
 * @param parents parent records read
 * @param children child runs completed
 * @param records child records delivered
 * @param failedChildren child runs that failed and were skipped ({@link OnChildFailure#SKIP})
 * @param failures the messages of the first 20 failures, in parent order
 */
public record SubstreamReport(long parents, long children, long records, long failedChildren, List<String> failures) {

    /** Copies the list. */
    public SubstreamReport {
        failures = List.copyOf(failures);
    }
}
