package dev.inlet.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import dev.inlet.core.internal.Redaction;
import dev.inlet.core.error.InletException;

/**
 * A secret value (API key, password, client secret, token) that does not show itself: its
 * {@link #toString()} is {@code Secret[***]}, so a secret passed to a log line, an exception message
 * or a record's {@code toString()} stays hidden. Only {@link #reveal()} gives the value, and only the
 * code that puts it on the wire should call it.
 *
 * <p>Equality is by value, compared in constant time; the hash code is derived from a digest of the
 * value, not the value itself. Immutable and thread-safe.
 *
 * <pre>{@code
 * Secret key = Secret.fromEnvironment("WEATHER_API_KEY");
 * log.info("using {}", key);   // using Secret[***]
 * }</pre>
 */
public final class Secret {

    private static final String SHOWN = "Secret[" + Redaction.MASK + "]";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * A secret holding the value.
     *
     * @throws IllegalArgumentException if the value is empty (an empty credential is a
     *     configuration mistake, not a secret)
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty; check where its value comes from");
        }
        return new Secret(value);
    }

    /**
     * The secret in an environment variable.
     *
     * @throws InletException if the variable is unset or empty, naming the variable (never a value)
     */
    public static Secret fromEnvironment(String variable) {
        Objects.requireNonNull(variable, "variable");
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw new InletException("Environment variable " + variable + " is not set",
                    "Set " + variable + " to the secret before starting", null);
        }
        return new Secret(value);
    }

    /** The secret value. Call it only to put the value on the wire; never log the result. */
    public String reveal() {
        return value;
    }

    /** The secret value as UTF-8 bytes (a fresh array the caller may clear). */
    public byte[] revealBytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the text contains this secret's value (for scrubbing messages that quote servers). */
    public boolean isContainedIn(CharSequence text) {
        return text != null && text.toString().contains(value);
    }

    /** Constant-time comparison of the values, so timing reveals nothing about a secret. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(revealBytes(), other.revealBytes());
    }

    /** Derived from a SHA-256 digest of the value; equal secrets have equal hash codes. */
    @Override
    public int hashCode() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(revealBytes());
            return (digest[0] & 0xff) << 24 | (digest[1] & 0xff) << 16 | (digest[2] & 0xff) << 8 | digest[3] & 0xff;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Always {@code Secret[***]}. */
    @Override
    public String toString() {
        return SHOWN;
    }
}
