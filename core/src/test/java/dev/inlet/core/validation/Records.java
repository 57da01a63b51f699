package dev.inlet.core.validation;

import dev.inlet.core.Json;
import tools.jackson.databind.JsonNode;

/** Test shorthand for JSON records. */
final class Records {

    private Records() {
    }

    /** Parses JSON written with single quotes for readability: {@code json("{'id': 1}")}. */
    static JsonNode json(String singleQuoted) {
        return Json.mapper().readTree(singleQuoted.replace('\'', '"'));
    }
}
