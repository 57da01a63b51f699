package dev.inlet.graphql;

import dev.inlet.graphql.cost.internal.CostSignals;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.ResponseInfo;
import dev.inlet.core.http.AsyncInterceptor;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.retry.WaitHints;
import dev.inlet.core.internal.Futures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.inlet.graphql.error.GraphQlErrorsException;

/**
 * Keeps GraphQL errors structured when a server answers them with a non-2xx status (a 400 for a
 * validation error, a 429 for THROTTLED): reads a JSON error body and raises a
 * {@link GraphQlErrorsException} instead of a bare status with a body excerpt.
 *
 * <p>It never takes a retry away: a status the retry policy retries (429, 5xx, GitHub's 403 with
 * an exhausted budget) is left to the policy, unless the body is a throttling error whose cost data
 * says exactly how long to wait and no header does — then it is retried after that wait. Bodies that
 * are not GraphQL errors pass through untouched.
 */
final class StatusErrors implements AsyncInterceptor {

    /** Error bodies are small; anything larger is not read here. */
    private static final int MAX_BYTES = 256 * 1024;

    private final JsonMapper mapper;
    private final RetryPolicy policy;
    private final Clock clock;

    StatusErrors(JsonMapper mapper, RetryPolicy policy, Clock clock) {
        this.mapper = mapper;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        return examined(request, chain.proceed(request));
    }

    @Override
    public CompletableFuture<Response> interceptAsync(AsyncChain chain) {
        Request request = chain.request();
        return chain.proceedAsync(request).thenApply(Futures.io(response -> examined(request, response)));
    }

    /** The response, or the structured GraphQL error its non-2xx JSON body holds. */
    private Response examined(Request request, Response response) throws IOException {
        int status = response.status();
        if (status < 400 || status > 599 || !isJson(response)) {
            return response;
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_BYTES + 1);
        } finally {
            response.close();
        }
        Response untouched = response.withBody(new ByteArrayInputStream(body));
        if (body.length > MAX_BYTES) {
            return untouched;
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException notJson) {
            return untouched;
        }
        if (root == null || !root.isObject() || !root.path("errors").isArray() || root.path("errors").isEmpty()) {
            return untouched;
        }
        ResponseInfo info = response.info();
        GraphQlResponse errors = GraphQlResponse.of(root, info, mapper);
        String what = "HTTP " + status + " from " + request + ": " + GraphQlSchema.summary(errors.errors());
        boolean throttled = status == 429 || errors.errors().stream()
                .anyMatch(e -> e.code().filter(ResponseReader.THROTTLING_CODES::contains).isPresent());
        if (policy.isRetryable(new HttpStatusException(info, "", null))) {
            Optional<Duration> computed = CostSignals.read(root, info.headers(), clock.instant())
                    .flatMap(s -> s.retryWait(clock.instant()));
            if (throttled && computed.isPresent() && WaitHints.from(info, clock).isEmpty()) {
                throw new GraphQlErrorsException(what + "; the cost budget holds the query again in "
                        + computed.get().toMillis() + " ms", errors, true, computed.get());
            }
            return untouched;
        }
        throw new GraphQlErrorsException(what, errors, false, null);
    }

    private static boolean isJson(Response response) {
        String type = response.headers().first("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        return type.contains("json");
    }
}
