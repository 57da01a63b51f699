package dev.inlet.rest.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.inlet.core.error.DecodingException;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.error.InletException;
import dev.inlet.core.error.TransportException;
import java.time.Duration;
import java.util.Optional;

/** The faults of the acceptance matrix, as WireMock responses for the middle page. */
enum Fault {

    CONNECTION_RESET_BY_PEER(TransportException.class) {
        @Override
        ResponseDefinitionBuilder response(PagedApi api, String baseUrl) {
            return aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
        }
    },
    EMPTY_RESPONSE(TransportException.class) {
        @Override
        ResponseDefinitionBuilder response(PagedApi api, String baseUrl) {
            return aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE);
        }
    },
    MALFORMED_RESPONSE_CHUNK(TransportException.class) {
        @Override
        ResponseDefinitionBuilder response(PagedApi api, String baseUrl) {
            return aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK);
        }
    },
    RANDOM_DATA_THEN_CLOSE(TransportException.class) {
        @Override
        ResponseDefinitionBuilder response(PagedApi api, String baseUrl) {
            return aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.RANDOM_DATA_THEN_CLOSE);
        }
    },
    /** The response head comes after the request timeout (real time: the matrix sets 300 ms). */
    SLOW_HEAD(TransportException.class) {
        @Override
        ResponseDefinitionBuilder response(PagedApi api, String baseUrl) {
            return api.good(baseUrl, PagedApi.MIDDLE).withFixedDelay(1_500);
        }
    },
    /** The body stops after its first chunk, beyond the read timeout (the matrix sets 300 ms). */
    STALLED_BODY(TransportException.class) {
        @Override
        ResponseDefinitionBuilder response(PagedApi api, String baseUrl) {
            return api.good(baseUrl, PagedApi.MIDDLE).withChunkedDribbleDelay(3, 2_400);
        }
    },
    RETRY_AFTER_SECONDS(HttpStatusException.class) {
        @Override
        ResponseDefinitionBuilder response(PagedApi api, String baseUrl) {
            return aResponse().withStatus(429).withHeader("Retry-After", "2");
        }

        @Override
        Optional<Duration> expectedWait() {
            return Optional.of(Duration.ofSeconds(2));
        }
    },
    /** Measured against the response's Date, years away from the fake client clock. */
    RETRY_AFTER_DATE(HttpStatusException.class) {
        @Override
        ResponseDefinitionBuilder response(PagedApi api, String baseUrl) {
            return aResponse().withStatus(429).withHeader("Date", "Tue, 15 Jun 2032 10:00:00 GMT")
                    .withHeader("Retry-After", "Tue, 15 Jun 2032 10:00:03 GMT");
        }

        @Override
        Optional<Duration> expectedWait() {
            return Optional.of(Duration.ofSeconds(3));
        }
    },
    BURST_OF_503(HttpStatusException.class) {
        @Override
        ResponseDefinitionBuilder response(PagedApi api, String baseUrl) {
            return aResponse().withStatus(503).withBody("upstream unavailable");
        }

        @Override
        int times() {
            return 3;
        }
    },
    /** Cut inside the third record: two records arrive before the failure. */
    TRUNCATED_JSON(DecodingException.class) {
        @Override
        ResponseDefinitionBuilder response(PagedApi api, String baseUrl) {
            String body = api.body(PagedApi.MIDDLE);
            String cut = body.substring(0, body.indexOf("{\"id\":\"r5\"") + 9);
            return api.headers(aResponse().withHeader("Content-Type", "application/json").withBody(cut), baseUrl,
                    PagedApi.MIDDLE);
        }
    },
    HTML_ERROR_PAGE_WITH_200(DecodingException.class) {
        @Override
        ResponseDefinitionBuilder response(PagedApi api, String baseUrl) {
            return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>");
        }
    };

    private final Class<? extends InletException> persistentFailure;

    Fault(Class<? extends InletException> persistentFailure) {
        this.persistentFailure = persistentFailure;
    }

    /** The faulty response for the middle page. */
    abstract ResponseDefinitionBuilder response(PagedApi api, String baseUrl);

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
