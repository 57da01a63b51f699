package dev.inlet.core.error;

import java.util.Optional;
import dev.inlet.core.internal.SentSecrets;
import dev.inlet.core.Connector;
import dev.inlet.core.Position;

/**
 * The root of Inlet's unchecked exceptions. Every message says what went wrong, where (connector,
 * page, URL without secrets) and, where there is one, what the caller can do.
 *
 * <p>When a connector stops with an {@code InletException}, {@link #resumePosition()} tells where to
 * continue: passing it to {@code Connector.records(Position)} yields exactly the records that were
 * not delivered.
 */
public class InletException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private volatile String connector;
    private volatile transient Position resumePosition;
    private final String hint;
    private final java.util.List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final transient java.util.List<SentSecrets> scrubbers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** An exception with a message and no hint. */
    public InletException(String message) {
        this(message, null, null);
    }

    /**
     * An exception.
     *
     * @param message what went wrong and where
     * @param hint what the caller can do about it, or null
     * @param cause the underlying failure, or null
     */
    public InletException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** The name of the connector that failed, if known. */
    public Optional<String> connector() {
        return Optional.ofNullable(connector);
    }

    /** Where to resume so that no record is lost or repeated, if known. */
    public Optional<Position> resumePosition() {
        return Optional.ofNullable(resumePosition);
    }

    /** What the caller can do, if there is advice. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    /**
     * Records the connector and the position to resume from, unless already recorded. Called by the
     * code that knows them (the connector run), not by the code that throws.
     *
     * @return this exception
     */
    public InletException locate(String connectorName, Position resumeFrom) {
        if (this.connector == null) {
            this.connector = connectorName;
        }
        if (this.resumePosition == null) {
            this.resumePosition = resumeFrom;
        }
        return this;
    }

    /**
     * Adds a note to the message, such as how many attempts were made before giving up.
     *
     * @return this exception
     */
    public InletException addNote(String note) {
        notes.add(note);
        return this;
    }

    /**
     * Scrubs the secrets Inlet sent from this exception's message (and from every {@code InletException}
     * in its cause chain): server text quoted in a message (a body excerpt, an OAuth error) may echo
     * them. Called by the pipeline before a failure leaves a call.
     *
     * @return this exception
     */
    public InletException scrubbedOf(SentSecrets secrets) {
        java.util.Objects.requireNonNull(secrets, "secrets");
        Throwable t = this;
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (t != null && seen.add(t)) {
            if (t instanceof InletException inlet && !inlet.scrubbers.contains(secrets)) {
                inlet.scrubbers.add(secrets);
            }
            t = t.getCause();
        }
        return this;
    }

    /** The text scrubbed of the secrets registered with {@link #scrubbedOf}, for subclasses' accessors. */
    protected final String scrubbed(String text) {
        String out = text;
        for (SentSecrets secrets : scrubbers) {
            out = secrets.scrub(out);
        }
        return out;
    }

    /** The message plus connector, resume position and hint, scrubbed of secrets Inlet sent. */
    @Override
    public String getMessage() {
        return scrubbed(unscrubbedMessage());
    }

    private String unscrubbedMessage() {
        StringBuilder out = new StringBuilder(String.valueOf(super.getMessage()));
        for (String note : notes) {
            out.append(" (").append(note).append(')');
        }
        if (connector != null) {
            out.append(" [connector '").append(connector).append('\'');
            if (resumePosition != null) {
                out.append(", ").append(resumePosition.describe());
            }
            out.append(']');
        } else if (resumePosition != null) {
            out.append(" [").append(resumePosition.describe()).append(']');
        }
        if (hint != null) {
            out.append(". ").append(hint);
        }
        return out.toString();
    }
}
