package dev.inlet.rest.decode;

import tools.jackson.databind.JsonNode;

/**
 * A response body being turned into records, one at a time.
 *
 * <p>{@link #hasNext()} reads ahead one record and is where decoding failures surface, as
 * {@link dev.inlet.core.error.DecodingException} (malformed data) or
 * {@link dev.inlet.core.error.TransportException} (the connection broke mid-body). {@link #envelope()}
 * is the rest of the body (everything but the records) and is complete once {@link #hasNext()}
 * returned false. Not thread-safe.
 */
public interface DecodedBody extends AutoCloseable {

    /** Whether another record follows; reads ahead. */
    boolean hasNext();

    /** The next record. */
    JsonNode next();

    /**
     * The body without its records: the object around a records array ({@code has_more}, cursors,
     * totals), or an empty object for bodies that are only records (arrays, NDJSON, CSV).
     */
    JsonNode envelope();

    /**
     * How many records were skipped as already delivered: the context's skip, or fewer when the body
     * holds fewer (the page shrank since the position was saved). The built-in decoders count;
     * the default, -1, means the decoder does not say (its skip is then trusted).
     */
    default int skipped() {
        return -1;
    }

    /** The last record skipped on resume, if the context asked to keep it and any was skipped. */
    default JsonNode lastSkipped() {
        return null;
    }

    /**
     * The last record as a tree, when records were delivered already bound to a type (a paginator
     * may need a field of it, such as Stripe's last {@code id}); set once {@link #hasNext()} returned
     * false. Empty when records were delivered as trees.
     */
    default java.util.Optional<JsonNode> lastRecordTree() {
        return java.util.Optional.empty();
    }

    /**
     * A problem with the body as a whole that the decoder found but did not throw, so the caller can
     * first ask whether the body is an error report (the records path missing, or not an array):
     * set once {@link #hasNext()} returned false.
     */
    default java.util.Optional<dev.inlet.core.error.DecodingException> deferredFailure() {
        return java.util.Optional.empty();
    }

    /** Releases the parser (not the response). */
    @Override
    void close();
}
