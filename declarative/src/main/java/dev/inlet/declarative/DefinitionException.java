package dev.inlet.declarative;

import dev.inlet.core.error.InletException;
import java.util.Optional;

/**
 * A definition file that cannot be loaded or bound: a YAML syntax error, an unknown key, a value of the
 * wrong type, a literal secret, a placeholder that does not resolve, a metric over a field the stream's
 * schema lacks. It names where and what, so the file can be fixed without reading code:
 *
 * <pre>
 * stripe.yaml:14:7: streams.charges.paginator.type: unknown paginator "ofset"; expected one of offset,
 * page_number, body_cursor, last_record_cursor, header_cursor, link_header, next_url; did you mean `offset`?
 * </pre>
 *
 * <p>Unchecked, immutable, and free of secrets: a resolved secret is never quoted, only its reference.
 */
public final class DefinitionException extends InletException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String path;
    private final String problem;
    private final String expected;
    private final String suggestion;

    /**
     * An error at a place in a definition file.
     *
     * @param file the file name (as given to the loader)
     * @param line the 1-based line, or 0 when unknown
     * @param column the 1-based column, or 0 when unknown
     * @param path the JSON path of the value, e.g. {@code streams.charges.records}; empty for the whole file
     * @param problem what is wrong
     * @param expected what was expected, or null
     * @param suggestion the near name the author probably meant, or null
     * @param cause the underlying failure (a YAML syntax error, an unreadable file), or null
     */
    public DefinitionException(String file, int line, int column, String path, String problem, String expected,
            String suggestion, Throwable cause) {
        // No hint: the message already says where and what to write, in the one-line form tools print.
        super(format(file, line, column, path, problem, expected, suggestion), null, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.path = path == null ? "" : path;
        this.problem = problem;
        this.expected = expected;
        this.suggestion = suggestion;
    }

    private static String format(String file, int line, int column, String path, String problem, String expected,
            String suggestion) {
        StringBuilder message = new StringBuilder().append(file).append(':').append(line).append(':').append(column)
                .append(": ");
        if (path != null && !path.isEmpty()) {
            message.append(path).append(": ");
        }
        message.append(problem);
        if (expected != null) {
            message.append("; expected ").append(expected);
        }
        if (suggestion != null) {
            message.append("; did you mean `").append(suggestion).append("`?");
        }
        return message.toString();
    }

    /** The file name, as given to the loader (a path, a resource name or the caller's source name). */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the error concerns the whole file. */
    public int line() {
        return line;
    }

    /** The 1-based column, or 0 when the error concerns the whole file. */
    public int column() {
        return column;
    }

    /** The JSON path of the offending value, e.g. {@code streams.charges.paginator.type}; empty for the file. */
    public String path() {
        return path;
    }

    /** What is wrong, without location. */
    public String problem() {
        return problem;
    }

    /** What was expected, if the loader can say. */
    public Optional<String> expected() {
        return Optional.ofNullable(expected);
    }

    /** The near name the author probably meant (an unknown key, type or stream), if there is one. */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }
}
