package dev.inlet.core;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import dev.inlet.core.internal.Redaction;

/**
 * The facts of one HTTP response, without its body: status, headers, where it came from and how
 * long it took. Immutable and thread-safe.
 *
 * @param method the request method
 * @param uri the requested URI (may carry secrets: use {@link #redactedUri()} for display)
 * @param status the HTTP status code
 * @param headers the response headers
 * @param sentAt when the request (the attempt that produced this response) was sent
 * @param elapsed time from sending to receiving the response headers
 * @param sensitiveParameters query parameters of the URI whose values are secret (masked in
 *     {@link #redactedUri()} in addition to the names {@link Redaction} always masks)
 */
public record ResponseInfo(String method, URI uri, int status, Headers headers, Instant sentAt, Duration elapsed,
        Set<String> sensitiveParameters) {

    /** Checks that no component is null; copies the set. */
    public ResponseInfo {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(elapsed, "elapsed");
        sensitiveParameters = Set.copyOf(sensitiveParameters);
    }

    /** Response facts for a URI with no secret parameters beyond those {@link Redaction} recognises. */
    public ResponseInfo(String method, URI uri, int status, Headers headers, Instant sentAt, Duration elapsed) {
        this(method, uri, status, headers, sentAt, elapsed, Set.of());
    }

    /** The {@code Content-Type} header, if any. */
    public Optional<String> contentType() {
        return headers.first("Content-Type");
    }

    /** Whether the status is 2xx. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** The URI with user-info dropped and secret query values masked. */
    public String redactedUri() {
        return Redaction.uri(uri, sensitiveParameters);
    }

    @Override
    public String toString() {
        return "ResponseInfo[" + method + " " + redactedUri() + " -> " + status + " in " + elapsed.toMillis()
                + " ms, headers=" + headers + "]";
    }
}
