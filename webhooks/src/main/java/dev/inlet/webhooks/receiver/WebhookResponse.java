package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.FailureReason;
import dev.inlet.webhooks.verify.VerificationResult;
import dev.inlet.webhooks.verify.WebhookVerifier;
import dev.inlet.core.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the receiver answers: a status, headers (such as {@code Retry-After}) and a short plain-text
 * body saying why. A framework adapter copies the three onto its response. Immutable.
 */
public final class WebhookResponse {

    private final int status;
    private final Headers headers;
    private final String body;
    private final FailureReason reason;

    private WebhookResponse(int status, Headers headers, String body, FailureReason reason) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.reason = reason;
    }

    static WebhookResponse of(int status, String body) {
        return new WebhookResponse(status, TEXT, body, null);
    }

    static WebhookResponse retryLater(int status, long retryAfterSeconds, String body) {
        return new WebhookResponse(status, TEXT.with("Retry-After", Long.toString(retryAfterSeconds)), body, null);
    }

    static WebhookResponse rejected(VerificationResult result) {
        FailureReason why = result.reason().orElseThrow();
        return new WebhookResponse(why.httpStatus(), TEXT, why.name() + ": " + result.detail(), why);
    }

    private static final Headers TEXT = Headers.of("Content-Type", "text/plain; charset=utf-8");

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Whether the status is 2xx: the sender should not retry. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Headers to set on the response. */
    public Headers headers() {
        return headers;
    }

    /** The plain-text body. */
    public String body() {
        return body;
    }

    /** The body as UTF-8 bytes. */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Why the delivery was refused (or that it was a duplicate), if verification decided it. */
    public Optional<FailureReason> reason() {
        return Optional.ofNullable(reason);
    }

    static WebhookResponse duplicate(String detail) {
        return new WebhookResponse(200, TEXT, "DUPLICATE_DELIVERY: " + detail, FailureReason.DUPLICATE_DELIVERY);
    }

    /**
     * The 413 a framework adapter answers when it stops reading a body over the endpoint's limit
     * before handing it to {@link WebhookReceiver#handle(String, WebhookRequest)}, in the same words
     * the receiver uses.
     *
     * @param length the body length in bytes, or -1 if reading stopped past {@code max}
     * @param max the endpoint's limit ({@link WebhookVerifier#maxBodyBytes()})
     */
    public static WebhookResponse tooLarge(int length, int max) {
        return new WebhookResponse(413, TEXT, "BODY_TOO_LARGE: body has " + (length < 0 ? "more than " + max : length)
                + " bytes; the limit is " + max, FailureReason.BODY_TOO_LARGE);
    }

    @Override
    public String toString() {
        return "WebhookResponse[" + status + ", " + body + "]";
    }
}
