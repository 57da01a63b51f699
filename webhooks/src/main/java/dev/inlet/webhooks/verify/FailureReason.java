package dev.inlet.webhooks.verify;

/** Why a delivery was not accepted. */
public enum FailureReason {
    /** A header the scheme needs (signature, timestamp, id) is absent. */
    MISSING_HEADER(400),
    /** A header is present but cannot be parsed: no signature of the expected version, a non-numeric timestamp. */
    MALFORMED_HEADER(400),
    /** The signed timestamp is older than the tolerance: a late retry or a replay. */
    TIMESTAMP_TOO_OLD(401),
    /** The signed timestamp is further in the future than the tolerance: clock skew or a forgery. */
    TIMESTAMP_IN_FUTURE(401),
    /** No signature in the request matches any key of the keyring: wrong secret or tampered body. */
    NO_MATCHING_SIGNATURE(401),
    /** The body is larger than the configured maximum. */
    BODY_TOO_LARGE(413),
    /** The event id was already accepted within the deduplication window. */
    DUPLICATE_DELIVERY(200);

    private final int httpStatus;

    FailureReason(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /**
     * The status the receiver answers with. A duplicate gets {@code 200} so that the sender stops
     * retrying something that was already accepted.
     */
    public int httpStatus() {
        return httpStatus;
    }
}
