package dev.inlet.core.validation;

import com.networknt.schema.Error;
import dev.inlet.core.record.Violation;

/** Turns the schema library's errors into {@link Violation}s with stable rule names and precise pointers. */
final class SchemaViolations {

    /** Rule names are this prefix and the failing keyword: {@code schema:required}, {@code schema:minimum}. */
    static final String PREFIX = "schema:";

    private SchemaViolations() {
    }

    static Violation of(Error error) {
        String keyword = error.getKeyword() == null ? "invalid" : error.getKeyword();
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        String message = error.getMessage() == null ? keyword : error.getMessage();
        return new Violation(pointer(keyword, location, error), PREFIX + keyword, message);
    }

    /**
     * The instance location, made to name the field itself where the library reports its parent
     * object: the missing field for {@code required} and {@code dependentRequired}, the unexpected
     * field for {@code additionalProperties} and {@code unevaluatedProperties}.
     */
    private static String pointer(String keyword, String location, Error error) {
        String field = switch (keyword) {
            case "required", "additionalProperties", "unevaluatedProperties" -> error.getProperty();
            case "dependentRequired" -> firstArgument(error);
            default -> null;
        };
        return field == null ? location : location + "/" + escape(field);
    }

    private static String firstArgument(Error error) {
        Object[] arguments = error.getArguments();
        return arguments != null && arguments.length > 0 && arguments[0] instanceof String s ? s : null;
    }

    /** RFC 6901 escaping of one reference token. */
    static String escape(String name) {
        return name.indexOf('~') < 0 && name.indexOf('/') < 0 ? name : name.replace("~", "~0").replace("/", "~1");
    }
}
