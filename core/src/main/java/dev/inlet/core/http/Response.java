package dev.inlet.core.http;

import dev.inlet.core.Headers;
import dev.inlet.core.ResponseInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import dev.inlet.core.http.internal.BodyExcerpt;

/**
 * An HTTP response whose body is an open stream, read once. Close it (or read the body to its end
 * and close the stream) to release the connection.
 */
public final class Response implements AutoCloseable {

    private final Request request;
    private final int status;
    private final Headers headers;
    private final InputStream body;
    private final Instant sentAt;
    private final Duration elapsed;

    /**
     * A response.
     *
     * @param request the request that produced it
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the body stream (an empty stream if there is none)
     * @param sentAt when the request was sent
     * @param elapsed time from sending to the response headers
     */
    public Response(Request request, int status, Headers headers, InputStream body, Instant sentAt,
            Duration elapsed) {
        this.request = Objects.requireNonNull(request, "request");
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body");
        this.sentAt = Objects.requireNonNull(sentAt, "sentAt");
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    }

    /** The request that produced this response (as sent, after every interceptor). */
    public Request request() {
        return request;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** Whether the status is 2xx. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** The response headers. */
    public Headers headers() {
        return headers;
    }

    /** Time from sending to receiving the response headers, in milliseconds. */
    public long elapsedMillis() {
        return elapsed.toMillis();
    }

    /** The body stream; read it once. */
    public InputStream body() {
        return body;
    }

    /** A copy of this response with another body stream (e.g. a decompressing or counting wrapper). */
    public Response withBody(InputStream newBody) {
        return new Response(request, status, headers, newBody, sentAt, elapsed);
    }

    /** The facts of the response, without the body. */
    public ResponseInfo info() {
        return new ResponseInfo(request.method(), request.uri(), status, headers, sentAt, elapsed,
                request.sensitiveParameters());
    }

    /**
     * Reads up to {@code maxBytes} of the body as UTF-8 text (for error messages), then closes the
     * response. Never throws: a failed read yields what was read so far.
     */
    public String excerptAndClose(int maxBytes) {
        try (this) {
            byte[] bytes = body.readNBytes(maxBytes);
            return BodyExcerpt.of(bytes, bytes.length);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** Reads the whole body as UTF-8 text and closes the response. */
    public String bodyText() throws IOException {
        try (this) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Closes the body stream, releasing the connection. Never throws. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException | RuntimeException ignored) {
            // Releasing a broken connection can fail; there is nothing left to do with it.
        }
    }

    @Override
    public String toString() {
        return "Response[" + status + " for " + request + "]";
    }
}
