package dev.inlet.rest.decode;

import java.util.Locale;
import java.util.Optional;

/** The body formats Inlet decodes out of the box, and how they are recognised. */
public enum BodyFormat {
    /** JSON ({@code application/json}, {@code text/json}, {@code *+json}); records by JSON Pointer. */
    JSON,
    /** Newline-delimited JSON ({@code application/x-ndjson}, {@code application/jsonl} …); a record per line. */
    NDJSON,
    /** XML ({@code application/xml}, {@code text/xml}, {@code *+xml}); DTDs and external entities refused. */
    XML,
    /** CSV with a header row ({@code text/csv}, {@code application/csv}); a record per row, values as strings. */
    CSV;

    /** The format a media type names, if it names one of these. */
    public static Optional<BodyFormat> of(String mediaType) {
        String t = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT).trim();
        switch (t) {
            case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonl",
                    "application/jsonlines", "application/x-jsonlines", "application/json-seq" -> {
                return Optional.of(NDJSON);
            }
            case "application/json", "text/json", "text/javascript", "application/javascript" -> {
                return Optional.of(JSON);
            }
            case "application/xml", "text/xml" -> {
                return Optional.of(XML);
            }
            case "text/csv", "application/csv", "text/comma-separated-values" -> {
                return Optional.of(CSV);
            }
            default -> {
                if (t.endsWith("+json")) {
                    return Optional.of(JSON);
                }
                if (t.endsWith("+xml")) {
                    return Optional.of(XML);
                }
                return Optional.empty();
            }
        }
    }

    /** The media type of a {@code Content-Type} value: parameters dropped, lower case. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
