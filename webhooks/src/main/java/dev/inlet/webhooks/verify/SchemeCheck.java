package dev.inlet.webhooks.verify;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link SignatureSchemeSpi} found: a signature that matched one of the keys it was given,
 * or a failure. The verifier turns it into a {@link VerificationResult}; only the verifier can, and
 * it accepts a match only for a key of its own keyring.
 */
public final class SchemeCheck {

    final SchemeKey key;
    final Instant signedAt;
    final FailureReason reason;
    final String detail;

    private SchemeCheck(SchemeKey key, Instant signedAt, FailureReason reason, String detail) {
        this.key = key;
        this.signedAt = signedAt;
        this.reason = reason;
        this.detail = detail;
    }

    /**
     * A signature matched {@code key}.
     *
     * @param key one of the keys passed to {@link SignatureSchemeSpi#check}
     * @param signedAt the signed timestamp, or null if the scheme signs none
     */
    public static SchemeCheck matched(SchemeKey key, Instant signedAt) {
        return new SchemeCheck(Objects.requireNonNull(key, "key"), signedAt, null, null);
    }

    /**
     * The delivery is not authentic or not fresh.
     *
     * @param reason why; {@link FailureReason#MALFORMED_HEADER} when no signature in the header can
     *     be decoded, {@link FailureReason#NO_MATCHING_SIGNATURE} when some can but none matches
     * @param detail which header or check failed, for logs and the response; never a secret
     */
    public static SchemeCheck failed(FailureReason reason, String detail) {
        return new SchemeCheck(null, null, Objects.requireNonNull(reason, "reason"), detail);
    }

    @Override
    public String toString() {
        return key != null ? "Matched[" + key.id() + "]" : "Failed[" + reason + ": " + detail + "]";
    }
}
