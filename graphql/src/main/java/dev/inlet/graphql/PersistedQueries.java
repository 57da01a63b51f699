package dev.inlet.graphql;

import dev.inlet.core.http.Request;
import dev.inlet.graphql.error.GraphQlErrorsException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Automatic Persisted Queries for one {@link GraphQlClient}: whether they are on (and not found unsupported
 * by the server), and how an operation is sent under them. Thread-safe.
 */
final class PersistedQueries {

    private final RequestFactory requests;
    private final boolean on;
    private final AtomicBoolean unsupported = new AtomicBoolean();

    PersistedQueries(RequestFactory requests, boolean on) {
        this.requests = requests;
        this.on = on;
    }

    /** Whether operations go out as hashes first: configured, and not refused by the server. */
    boolean active() {
        return on && !unsupported.get();
    }

    /** Sends in the right form: the APQ hash first when on, the full document if the server asks. */
    <R> R send(GraphQlOperation operation, String connector, Function<Request, R> exchange) {
        if (!active()) {
            return exchange.apply(requests.request(operation, RequestFactory.Form.FULL, connector));
        }
        try {
            return exchange.apply(requests.request(operation, RequestFactory.Form.HASH_ONLY, connector));
        } catch (GraphQlErrorsException answer) {
            // A miss is an answer without data, so it fails under every error policy and is never retried.
            if (hasCode(answer, "PersistedQueryNotSupported", "PERSISTED_QUERY_NOT_SUPPORTED")) {
                unsupported.set(true);
                return exchange.apply(requests.request(operation, RequestFactory.Form.FULL, connector));
            }
            if (hasCode(answer, "PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND")) {
                return exchange.apply(requests.request(operation, RequestFactory.Form.FULL_WITH_HASH, connector));
            }
            throw answer;
        }
    }

    /** Whether an error says this, by message (Apollo's original protocol) or by code. */
    private static boolean hasCode(GraphQlErrorsException answer, String message, String code) {
        return answer.errors().stream().anyMatch(e -> e.message().equals(message)
                || e.code().filter(code::equals).isPresent());
    }
}
