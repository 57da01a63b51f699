package dev.inlet.declarative.openapi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the importer found for one list operation: the stream it became and each guess (empty when
 * nothing was found). Immutable.
 */
public final class OperationFinding {

    private final String method;
    private final String path;
    private final String stream;
    private final String records;
    private final String paginator;
    private final String auth;
    private final String primaryKey;
    private final String cursorField;
    private final List<String> notes;

    OperationFinding(String method, String path, String stream, String records, String paginator, String auth,
            String primaryKey, String cursorField, List<String> notes) {
        this.method = Objects.requireNonNull(method);
        this.path = Objects.requireNonNull(path);
        this.stream = Objects.requireNonNull(stream);
        this.records = records;
        this.paginator = paginator;
        this.auth = auth;
        this.primaryKey = primaryKey;
        this.cursorField = cursorField;
        this.notes = List.copyOf(notes);
    }

    /** The HTTP method ({@code GET}). */
    public String method() {
        return method;
    }

    /** The operation's path template, as in the document. */
    public String path() {
        return path;
    }

    /** The name of the stream it became. */
    public String stream() {
        return stream;
    }

    /** The records pointer: {@code /data}, or {@code ""} when the body itself is the array; empty if unknown. */
    public Optional<String> records() {
        return Optional.ofNullable(records);
    }

    /** The detected paginator type ({@code last_record_cursor}, {@code link_header}, …); empty if none found. */
    public Optional<String> paginator() {
        return Optional.ofNullable(paginator);
    }

    /** The auth type taken from the document's security schemes; empty if it declares none. */
    public Optional<String> auth() {
        return Optional.ofNullable(auth);
    }

    /** The guessed primary key pointer ({@code /id}). */
    public Optional<String> primaryKey() {
        return Optional.ofNullable(primaryKey);
    }

    /** The guessed incremental cursor field pointer ({@code /updated_at}). */
    public Optional<String> cursorField() {
        return Optional.ofNullable(cursorField);
    }

    /** Why each guess was made, and what was not found, in words. */
    public List<String> notes() {
        return notes;
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + stream + " (records " + records + ", paginator " + paginator
                + ", auth " + auth + ")";
    }
}
