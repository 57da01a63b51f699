package dev.inlet.core.retry;

import dev.inlet.core.ResponseInfo;
import tools.jackson.databind.JsonNode;

/**
 * Looks at a successful (2xx) JSON response and decides whether its body is really an error, as
 * some APIs report failures with status 200 ({@code {"ok": false, "error": "ratelimited"}}).
 *
 * <p>Decoders call it once per page with the body's non-record part (the envelope: everything but
 * the records array), when the body has been read. Must be thread-safe and quick.
 */
@FunctionalInterface
public interface BodyClassifier {

    /** Classifies a body. */
    BodyVerdict classify(ResponseInfo response, JsonNode envelope);

    /** Accepts every body: the default. */
    static BodyClassifier acceptAll() {
        return (response, envelope) -> BodyVerdict.ACCEPT;
    }
}
