package dev.inlet.graphql;

import dev.inlet.graphql.cost.CostThrottle;
import dev.inlet.graphql.cost.internal.CostPacing;
import dev.inlet.graphql.cost.internal.CostSignals;
import dev.inlet.core.error.DecodingException;
import dev.inlet.core.ResponseInfo;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.http.internal.BodyExcerpt;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.retry.WaitHints;
import dev.inlet.core.Json;
import dev.inlet.core.error.LimitExceededException;
import dev.inlet.core.ReadLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.inlet.graphql.error.GraphQlErrorsException;

/**
 * Reads a 2xx response as a GraphQL response, inside the pipeline's retry scope, and decides what
 * it means: cost data to the throttle; throttling errors (retryable, after the wait the cost data
 * computes); other errors per the {@link ErrorPolicy} (an APQ miss is such an error: it has no
 * data, so it always fails, and the client answers it by sending the full query).
 */
final class ResponseReader {

    /** Error codes that mean "too much, try later": Shopify, GitHub ({@code type}) and common servers. */
    static final Set<String> THROTTLING_CODES = Set.of("THROTTLED", "RATE_LIMITED", "RATE_LIMIT_EXCEEDED",
            "TOO_MANY_REQUESTS");

    private static final int QUOTED_ERRORS = 3;

    private final JsonMapper mapper;
    private final ErrorPolicy policy;
    private final Optional<CostThrottle> throttle;
    private final Clock clock;
    private final ReadLimits limits;

    ResponseReader(JsonMapper mapper, ErrorPolicy policy, Optional<CostThrottle> throttle, Clock clock,
            ReadLimits limits) {
        this.mapper = mapper;
        this.limits = limits;
        this.policy = policy;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** Reads the response (and closes it) as the answer to the operation sent in the request. */
    GraphQlResponse read(Response response, GraphQlOperation operation, Request request) {
        ResponseInfo info = response.info();
        byte[] body;
        try (InputStream in = response.body()) {
            body = readBounded(in, request);
        } catch (IOException e) {
            throw new TransportException(request + ": the connection failed while reading the body: " + e, false, e);
        } finally {
            response.close();
        }
        JsonNode root = parse(body, request);
        if (!root.isObject() || !root.has("data") && !root.has("errors")) {
            throw new DecodingException("Not a GraphQL response from " + request + " (expected a JSON object with "
                    + "data or errors)", -1, BodyExcerpt.of(body, BodyExcerpt.DEFAULT_BYTES),
                    "Check that the endpoint URL is the GraphQL endpoint", null, false);
        }
        GraphQlResponse result = GraphQlResponse.of(root, info, mapper);
        Instant now = clock.instant();
        Optional<CostSignals> signals = CostSignals.read(root, info.headers(), now);
        if (throttle.isPresent() && signals.isPresent()) {
            CostPacing.access().observe(throttle.get(), operation.costKey(), signals.get());
        }
        if (result.hasErrors()) {
            checkThrottled(result, signals, operation, request, now);
            if (policy == ErrorPolicy.FAIL_ON_ERRORS || result.data().isEmpty()) {
                throw new GraphQlErrorsException(describe(result, operation, request)
                        + (result.data().isEmpty() ? " and no data" : ""), result, false, null);
            }
        }
        return result;
    }

    private JsonNode parse(byte[] body, Request request) {
        if (body.length == 0) {
            throw new DecodingException("Empty body from " + request + " where a GraphQL response was expected", 0, "",
                    "The server sent a success status without a body; a retry may get one", null);
        }
        try (JsonParser parser = Json.parser(mapper, limits, new ByteArrayInputStream(body))) {
            JsonNode root = mapper.readTree(parser);
            return root == null ? mapper.missingNode() : root;
        } catch (StreamConstraintsException e) {
            long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            throw new LimitExceededException("A value in the GraphQL response from " + request + " is too large: "
                    + ReadLimits.describeConstraint(e.getOriginalMessage()), ReadLimits.settingOf(e.getOriginalMessage()),
                    offset, BodyExcerpt.of(body, BodyExcerpt.DEFAULT_BYTES), e);
        } catch (JacksonIOException e) {
            throw new TransportException(request + ": reading the body failed: " + e.getOriginalMessage(), false, e);
        } catch (JacksonException e) {
            long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            boolean invalidUtf8 = String.valueOf(e.getOriginalMessage()).startsWith("Invalid UTF-8");
            throw new DecodingException("Malformed JSON body from " + request + ": " + e.getOriginalMessage(), offset,
                    BodyExcerpt.of(body, BodyExcerpt.DEFAULT_BYTES), invalidUtf8
                            ? "The server sent bytes in another encoding; a retry gets the same bytes"
                            : "The body is not JSON (an HTML error page from a proxy?); a retry may get a good one",
                    e, !invalidUtf8);
        }
    }

    /** The whole body, which may not be larger than {@link ReadLimits#maxRecordBytes()}: it is parsed at once. */
    private byte[] readBounded(InputStream in, Request request) throws IOException {
        long max = limits.maxRecordBytes();
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (body.length > max) {
            throw new LimitExceededException("The GraphQL response from " + request + " is larger than maxRecordBytes ("
                    + ReadLimits.describeBytes(max) + "); GraphQL responses are read whole", "maxRecordBytes",
                    body.length, BodyExcerpt.of(body, BodyExcerpt.DEFAULT_BYTES), null);
        }
        return body;
    }

    private void checkThrottled(GraphQlResponse result, Optional<CostSignals> signals, GraphQlOperation operation,
            Request request, Instant now) {
        boolean throttled = result.errors().stream()
                .anyMatch(e -> e.code().filter(THROTTLING_CODES::contains).isPresent());
        if (!throttled) {
            return;
        }
        // The cost data says how long until the budget holds this query; else the headers may say.
        Optional<Duration> wait = signals.flatMap(s -> s.retryWait(now))
                .or(() -> WaitHints.from(result.info(), clock).filter(d -> !d.isZero()));
        String because = wait.map(w -> "; the cost budget holds the query again in " + w.toMillis() + " ms"
                + signals.map(s -> " (" + s.budget().describe() + ", from " + s.source() + ")").orElse(""))
                .orElse("");
        throw new GraphQlErrorsException(describe(result, operation, request) + because, result, true,
                wait.orElse(null));
    }

    private static String describe(GraphQlResponse result, GraphQlOperation operation, Request request) {
        String quoted = result.errors().stream().limit(QUOTED_ERRORS).map(GraphQlError::describe)
                .collect(Collectors.joining("; "));
        int more = result.errors().size() - QUOTED_ERRORS;
        return "GraphQL errors from " + request + " for " + operation.displayName() + ": " + quoted
                + (more > 0 ? "; and " + more + " more" : "");
    }
}
