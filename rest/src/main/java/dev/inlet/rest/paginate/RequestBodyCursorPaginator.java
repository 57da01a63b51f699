package dev.inlet.rest.paginate;

import dev.inlet.core.Json;
import dev.inlet.core.Position;
import dev.inlet.core.error.PaginationException;
import dev.inlet.core.http.Request;
import dev.inlet.rest.internal.JsonPointers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A cursor found in the response body, written back into the JSON body of the next POST (Plaid
 * {@code /transactions/sync}: {@code next_cursor} → {@code "cursor"} in the request). The endpoint's body
 * is the template: every other field (client ids, secrets, access tokens, page sizes) goes out unchanged
 * with every request, and only the cursor is a {@link Position}'s token, so a saved position holds no
 * secret. The first request carries the field as {@link FirstCursor} says.
 *
 * <p>Ends when the has-more flag (if configured) is false or null, or when the cursor is null or empty;
 * an absent field is an error unless the endpoint declares {@code absentMeansEnd()} (see
 * {@link PageFacts#pagingField}). A has-more flag that is true next to no cursor is an error: the API
 * says there is more and gives no way to ask for it.
 */
final class RequestBodyCursorPaginator implements Paginator {

    private final String bodyPointer;
    private final List<String> bodyPath;
    private final String cursorPointer;
    private final String hasMorePointer;
    private final FirstCursor first;

    RequestBodyCursorPaginator(String bodyPointer, String cursorPointer, String hasMorePointer, FirstCursor first) {
        this.bodyPointer = Paginators.requirePointer(bodyPointer);
        this.bodyPath = JsonPointers.segments(bodyPointer);
        if (bodyPath.isEmpty()) {
            throw new IllegalArgumentException("the request body's cursor pointer must name a field (e.g. "
                    + "\"/cursor\"), not the whole body");
        }
        this.cursorPointer = Paginators.requirePointer(cursorPointer);
        this.hasMorePointer = hasMorePointer == null ? null : Paginators.requirePointer(hasMorePointer);
        this.first = Objects.requireNonNull(first, "first");
    }

    @Override
    public Request apply(Request request, Position position) {
        ObjectNode body = template(request);
        ObjectNode parent = parentOf(body, request);
        String field = bodyPath.get(bodyPath.size() - 1);
        Optional<String> cursor = position.token();
        if (cursor.isPresent()) {
            parent.put(field, cursor.get());
        } else {
            switch (first) {
                case OMIT -> parent.remove(field);
                case NULL -> parent.putNull(field);
                case EMPTY -> parent.put(field, "");
                default -> throw new IllegalStateException(first.toString());
            }
        }
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        return request.toBuilder().method(request.method(), bytes).build();
    }

    /** The endpoint's body as a fresh, mutable object (every request starts from the template). */
    private ObjectNode template(Request request) {
        if (request.bodyLength() == 0) {
            throw new PaginationException(this + " writes the cursor into the JSON request body, but "
                    + request + " has no body", "Send the endpoint as a POST with a JSON object body "
                    + "(RestConnector.Builder.post)");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(request.body().orElseThrow());
        } catch (JacksonException e) {
            // The body may hold secrets: say where, never quote it.
            throw new PaginationException(this + ": the request body of " + request + " is not JSON" + (e.getLocation() == null
                    ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"), "Send a JSON object body (RestConnector.Builder.post)");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new PaginationException(this + ": the request body of " + request + " is a JSON "
                    + node.getNodeType().toString().toLowerCase(Locale.ROOT) + ", not an object",
                    "Send a JSON object body, the cursor field among its fields");
        }
        return object;
    }

    /** The object holding the cursor field; missing objects on the way are created. */
    private ObjectNode parentOf(ObjectNode body, Request request) {
        ObjectNode at = body;
        StringBuilder walked = new StringBuilder();
        for (String segment : bodyPath.subList(0, bodyPath.size() - 1)) {
            walked.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
            JsonNode next = at.get(segment);
            if (next == null || next.isNull()) {
                at = at.putObject(segment);
            } else if (next instanceof ObjectNode object) {
                at = object;
            } else {
                throw new PaginationException(this + ": the request body of " + request + " has a "
                        + next.getNodeType().toString().toLowerCase(Locale.ROOT) + " at " + walked
                        + ", so the cursor cannot go to " + bodyPointer, "Point the cursor at a field of an "
                        + "object in the body, or make " + walked + " an object");
            }
        }
        return at;
    }

    @Override
    public Optional<String> nextToken(PageFacts page) {
        boolean hasMore = true;
        if (hasMorePointer != null) {
            Optional<JsonNode> flag = page.pagingField(hasMorePointer, "the has-more flag of " + this);
            hasMore = flag.isPresent() && (flag.get().isBoolean() && flag.get().booleanValue()
                    || flag.get().isString() && flag.get().asString().equalsIgnoreCase("true"));
            if (!hasMore) {
                return Optional.empty();
            }
        }
        Optional<String> cursor = page.pagingField(cursorPointer, "the cursor of " + this)
                .filter(JsonNode::isValueNode).map(JsonNode::asString).filter(s -> !s.isEmpty());
        if (cursor.isEmpty() && hasMorePointer != null) {
            throw new PaginationException("The body of " + page.position().describe() + " from "
                    + page.response().redactedUri() + " says " + hasMorePointer + " is true but has no cursor at "
                    + cursorPointer + " (" + this + ")", "Check the cursor pointer; the next page cannot be "
                    + "asked for without it");
        }
        return cursor;
    }

    @Override
    public String toString() {
        return "requestBodyCursor(" + cursorPointer + " -> body " + bodyPointer + (hasMorePointer == null ? ""
                : ", while " + hasMorePointer) + ", first " + first.name().toLowerCase(Locale.ROOT) + ")";
    }
}
