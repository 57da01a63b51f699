package dev.inlet.declarative.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * <b>Internal.</b> The types a placeholder or an input may declare. A resolved value is checked against
 * its type (an integer must parse as one, a date as ISO-8601) and passed on as text; {@code secret}
 * marks a value that may only go where a secret goes (credentials, webhook secrets).
 */
public enum ValueType {
    /** Any text (the default). */
    STRING,
    /** A whole number. */
    INTEGER,
    /** A decimal number. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** An ISO-8601 date, {@code 2026-01-31}. */
    DATE,
    /** An ISO-8601 date-time with offset, {@code 2026-01-31T00:00:00Z}. */
    DATE_TIME,
    /** A secret: never shown, only sent as a credential. */
    SECRET;

    /** The names as written in files. */
    public static final List<String> NAMES = List.of("string", "integer", "number", "boolean", "date", "date_time",
            "secret");

    /** The name as written in files. */
    public String written() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type with that written name, or null. */
    public static ValueType parse(String name) {
        int i = NAMES.indexOf(name);
        return i < 0 ? null : values()[i];
    }

    /** The names, for "expected" messages. */
    public static String names() {
        return String.join(", ", NAMES);
    }

    /** Whether the value fits the type. */
    public boolean accepts(String value) {
        try {
            switch (this) {
                case INTEGER -> Long.parseLong(value.trim());
                case NUMBER -> new BigDecimal(value.trim());
                case BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return false;
                    }
                }
                case DATE -> LocalDate.parse(value.trim());
                case DATE_TIME -> OffsetDateTime.parse(value.trim());
                default -> {
                }
            }
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }
}
