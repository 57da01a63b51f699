package dev.inlet.declarative.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The draft of one stream while it is being guessed; each entry keeps the reason it was chosen. */
final class StreamDraft {

    /** One guessed value and why. */
    record Guess(String value, String why) {
    }

    String name;
    String path;
    String method = "GET";
    String summary;
    Guess records;
    /** Paginator type and its keys, in writing order. */
    String paginatorType;
    final Map<String, String> paginatorKeys = new LinkedHashMap<>();
    String paginatorWhy;
    Guess primaryKey;
    Guess cursorField;
    Guess sinceParam;
    /** Required query parameters that become inputs, name to input name. */
    final Map<String, String> requiredParams = new LinkedHashMap<>();
    final List<String> pathInputs = new ArrayList<>();
    /** A POST list's JSON body: field to its YAML value (a placeholder or a number) and why. */
    final Map<String, Guess> body = new LinkedHashMap<>();
    /** Inputs the body's placeholders name, input name to what it is. */
    final Map<String, String> bodyInputs = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
}
