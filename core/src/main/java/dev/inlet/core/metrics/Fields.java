package dev.inlet.core.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Field readers for {@link JsonNode} records, for aggregations over raw records: a missing or null
 * field reads as null (left out of sums and averages), never as zero.
 */
public final class Fields {

    private Fields() {
    }

    /** A decimal at a JSON Pointer; numeric strings are read exactly too. */
    public static Function<JsonNode, BigDecimal> decimal(String pointer) {
        return record -> {
            JsonNode node = record.at(pointer);
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isString()) {
                try {
                    return new BigDecimal(node.asString().trim());
                } catch (NumberFormatException notANumber) {
                    return null;
                }
            }
            return null;
        };
    }

    /** Text at a JSON Pointer, or null. */
    public static Function<JsonNode, String> text(String pointer) {
        return record -> {
            JsonNode node = record.at(pointer);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        };
    }

    /**
     * An instant at a JSON Pointer: ISO-8601 text, or a number of epoch seconds (epoch milliseconds
     * when above 10^11); null when missing or unreadable.
     */
    public static Function<JsonNode, Instant> instant(String pointer) {
        return record -> {
            JsonNode node = record.at(pointer);
            if (node.isIntegralNumber()) {
                long n = node.asLong();
                return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            }
            if (node.isString()) {
                try {
                    return Instant.parse(node.asString().trim());
                } catch (DateTimeParseException e) {
                    try {
                        return java.time.OffsetDateTime.parse(node.asString().trim()).toInstant();
                    } catch (DateTimeParseException notATime) {
                        return null;
                    }
                }
            }
            return null;
        };
    }
}
