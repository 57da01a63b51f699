package dev.inlet.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A webhook delivery the receiver refused, one row of the report's "Refused webhook deliveries" table.
 * Give the report what your receiver or its listener saw; every field is shown as text, escaped.
 *
 * @param at when it was refused
 * @param endpoint the receiving endpoint (a path, never a URL with secrets)
 * @param deliveryId the delivery's id as the sender named it ({@code ""} if none)
 * @param status the HTTP status answered (401 for a bad signature, 413 too large, 503 throttled, …)
 * @param reason why, in words
 */
public record RefusedDelivery(Instant at, String endpoint, String deliveryId, int status, String reason) {

    /** Checks that nothing is null. */
    public RefusedDelivery {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(reason, "reason");
    }
}
