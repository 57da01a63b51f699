package dev.inlet.webhooks.verify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying one delivery: either valid, naming the key that matched, or a failure
 * with a {@link FailureReason} and a detail that says which header or check failed (never a secret
 * or a signature value). Immutable.
 *
 * <p>Only a {@link WebhookVerifier} creates valid results; {@link #failure} is public so that
 * framework adapters can report their own refusals in the same shape.
 */
public final class VerificationResult {

    private final FailureReason reason;
    private final String keyId;
    private final Instant timestamp;
    private final String detail;

    private VerificationResult(FailureReason reason, String keyId, Instant timestamp, String detail) {
        this.reason = reason;
        this.keyId = keyId;
        this.timestamp = timestamp;
        this.detail = detail;
    }

    /**
     * A valid result. Package-private on purpose: only a {@link WebhookVerifier} (through its
     * scheme) can say a delivery is authentic, so no other code can forge a "verified" result.
     *
     * @param keyId the id of the keyring entry that matched
     * @param timestamp the signed timestamp, or null if the scheme signs none
     */
    static VerificationResult valid(String keyId, Instant timestamp) {
        Objects.requireNonNull(keyId, "keyId");
        return new VerificationResult(null, keyId, timestamp, "signature matched key '" + keyId + "'");
    }

    /**
     * A failure.
     *
     * @param reason why
     * @param detail which header or check, for logs and the response body; must not contain secrets
     */
    public static VerificationResult failure(FailureReason reason, String detail) {
        Objects.requireNonNull(reason, "reason");
        return new VerificationResult(reason, null, null, detail == null ? reason.name() : detail);
    }

    /** Whether the delivery is authentic and fresh. */
    public boolean isValid() {
        return reason == null;
    }

    /** Why it failed; empty when valid. */
    public Optional<FailureReason> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * The id of the keyring entry whose secret matched; empty when invalid. When no delivery matches
     * an old key for a while, that key can be retired.
     */
    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    /** The timestamp the sender signed, for schemes that sign one. */
    public Optional<Instant> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    /** A human-readable detail, free of secrets. */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return isValid() ? "Valid[key=" + keyId + "]" : "Invalid[" + reason + ": " + detail + "]";
    }
}
