package dev.inlet.webhooks.verify;

import dev.inlet.core.Headers;
import dev.inlet.webhooks.verify.internal.RequestBodies;
import dev.inlet.core.internal.Redaction;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One incoming (or outgoing) webhook delivery as the signature schemes see it: the method, the full
 * URL as the sender called it, the headers (multi-valued, any case) and the raw body bytes exactly
 * as received, never re-encoded.
 *
 * <p>Immutable and thread-safe: {@link #of} copies the body. {@link #toString()} shows neither the
 * body nor signature values.
 */
public final class WebhookRequest {

    private final String method;
    private final String url;
    private final Headers headers;
    private final byte[] body;

    static {
        // The receiver (another package) takes requests without copying their bodies, through this.
        RequestBodies.install(new RequestBodies.Access() {
            @Override
            public WebhookRequest owning(String method, String url, Headers headers, byte[] body) {
                return WebhookRequest.owning(method, url, headers, body);
            }

            @Override
            public byte[] rawBody(WebhookRequest request) {
                return request.rawBody();
            }
        });
    }

    private WebhookRequest(String method, String url, Headers headers, byte[] body) {
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.body = body;
    }

    /**
     * A request.
     *
     * @param method the HTTP method, such as {@code POST}
     * @param url the full URL the sender called, including scheme, host and query (HubSpot signs it);
     *     schemes that do not sign the URL ignore it
     * @param headers the request headers
     * @param body the raw body bytes; copied
     * @throws IllegalArgumentException if an argument is null or the method is blank
     */
    public static WebhookRequest of(String method, String url, Headers headers, byte[] body) {
        require(body, "body");
        return owning(method, url, headers, body.clone());
    }

    /** A {@code POST} to {@code url} with these headers and body; the body is copied. */
    public static WebhookRequest post(String url, Headers headers, byte[] body) {
        return of("POST", url, headers, body);
    }

    /** Takes ownership of the body array without copying: only for callers that drop their reference. */
    static WebhookRequest owning(String method, String url, Headers headers, byte[] body) {
        require(method, "method");
        require(url, "url");
        require(headers, "headers");
        require(body, "body");
        if (method.isBlank()) {
            throw new IllegalArgumentException("WebhookRequest: method must not be blank");
        }
        return new WebhookRequest(method, url, headers, body);
    }

    private static void require(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("WebhookRequest: " + what + " must not be null");
        }
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The full URL as given. */
    public String url() {
        return url;
    }

    /** The headers. */
    public Headers headers() {
        return headers;
    }

    /** A copy of the raw body. */
    public byte[] body() {
        return body.clone();
    }

    /** A read-only view of the raw body, without copying. */
    public ByteBuffer bodyBuffer() {
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    /** The body length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** The body array itself, for the schemes in this package and the receiver; never handed out. */
    byte[] rawBody() {
        return body;
    }

    /** A copy with these headers added (values appended to existing fields). */
    public WebhookRequest withHeaders(Headers extra) {
        return new WebhookRequest(method, url, headers.toBuilder().addAll(extra).build(), body);
    }

    /** Method, URL without secrets, masked headers and the body length, never the body. */
    @Override
    public String toString() {
        String shownUrl;
        try {
            shownUrl = Redaction.uri(URI.create(url));
        } catch (IllegalArgumentException notAUri) {
            shownUrl = "(unparseable url)";
        }
        return "WebhookRequest[" + method + " " + shownUrl + ", headers=" + headers + ", body=" + body.length
                + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookRequest other && method.equals(other.method) && url.equals(other.url)
                && headers.equals(other.headers) && java.util.Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, url, headers, java.util.Arrays.hashCode(body));
    }
}
