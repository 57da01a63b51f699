package dev.inlet.webhooks.internal;

import dev.inlet.core.Json;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads one top-level string field (an event id or type) from a JSON body by streaming, without
 * building a tree: the receiver needs the id before it answers, and most bodies put it first.
 * Anything that is not a JSON object yields empty, never an exception. Internal: used by the
 * signature schemes.
 */
public final class JsonFields {

    private JsonFields() {
    }

    public static Optional<String> topLevelString(byte[] body, String field) {
        if (!startsWith(body, '{')) {
            return Optional.empty();
        }
        try (JsonParser parser = Json.mapper().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals(name)) {
                    return value == JsonToken.VALUE_STRING ? Optional.of(parser.getString()) : Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (JacksonException malformed) {
            return Optional.empty();
        }
    }

    /** A string field of the first element of a top-level array (HubSpot sends arrays of events). */
    public static Optional<String> firstElementString(byte[] body, String field) {
        if (!startsWith(body, '[')) {
            return Optional.empty();
        }
        try {
            JsonNode first = Json.mapper().readTree(body).path(0).path(field);
            return first.isString() ? Optional.of(first.asString()) : Optional.empty();
        } catch (JacksonException malformed) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] body, char c) {
        for (byte b : body) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return b == c;
        }
        return false;
    }
}
