package dev.inlet.rest.faults;

import dev.inlet.core.error.DecodingException;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.error.InletException;
import dev.inlet.core.error.TransportException;
import dev.inlet.testkit.Fault;
import java.time.Duration;
import java.util.Optional;

/** The faults of the acceptance matrix: the test kit's {@link Fault}s, served on the middle page. */
enum MatrixFault {

    CONNECTION_RESET_BY_PEER(Fault.resetBeforeHeaders(), TransportException.class),
    EMPTY_RESPONSE(Fault.closeBeforeHeaders(), TransportException.class),
    MALFORMED_RESPONSE_CHUNK(Fault.malformedChunk(), TransportException.class),
    RANDOM_DATA_THEN_CLOSE(Fault.garbageThenClose(), TransportException.class),
    /** The response head comes after the request timeout (real time: the matrix sets 300 ms). */
    SLOW_HEAD(Fault.slowFirstByte(Duration.ofMillis(1_500)), TransportException.class),
    /** The body stops half way, beyond the read timeout (the matrix sets 300 ms). */
    STALLED_BODY(Fault.stallMidBody(Duration.ofMillis(2_400)), TransportException.class),
    RETRY_AFTER_SECONDS(Fault.status(429, Duration.ofSeconds(2)), HttpStatusException.class) {
        @Override
        Optional<Duration> expectedWait() {
            return Optional.of(Duration.ofSeconds(2));
        }
    },
    /** Measured against the response's Date ({@link PagedApi#SERVER_CLOCK}), years away from the client's clock. */
    RETRY_AFTER_DATE(Fault.rateLimitedUntil(Duration.ofSeconds(3)), HttpStatusException.class) {
        @Override
        Optional<Duration> expectedWait() {
            return Optional.of(Duration.ofSeconds(3));
        }
    },
    BURST_OF_503(Fault.status(503), HttpStatusException.class) {
        @Override
        int times() {
            return 3;
        }
    },
    /** Cut inside the third record: two records arrive before the failure. */
    TRUNCATED_JSON(Fault.cutJson(), DecodingException.class),
    HTML_ERROR_PAGE_WITH_200(Fault.htmlErrorPage(), DecodingException.class);

    private final Fault fault;
    private final Class<? extends InletException> persistentFailure;

    MatrixFault(Fault fault, Class<? extends InletException> persistentFailure) {
        this.fault = fault;
        this.persistentFailure = persistentFailure;
    }

    /** The kit's fault served on the middle page. */
    Fault fault() {
        return fault;
    }

    /** How many requests in a row get the fault before the server recovers. */
    int times() {
        return 1;
    }

    /** The exact wait the server asks for, if it asks. */
    Optional<Duration> expectedWait() {
        return Optional.empty();
    }

    /** The typed error when the fault outlasts the retries. */
    Class<? extends InletException> persistentFailure() {
        return persistentFailure;
    }

    /**
     * Whether the default policy retries the fault at all. An HTML page with status 200 comes back
     * byte for byte on a retry, so it is a non-retryable decoding failure.
     */
    boolean retriedByDefault() {
        return this != HTML_ERROR_PAGE_WITH_200;
    }

    /**
     * Whether the pipeline itself must retry. The JDK client silently repeats a GET once when the
     * connection closes before any response byte, so a single reset or empty response may never
     * reach the pipeline; the record guarantees hold either way.
     */
    boolean pipelineMustRetry() {
        return this != CONNECTION_RESET_BY_PEER && this != EMPTY_RESPONSE && retriedByDefault();
    }
}
