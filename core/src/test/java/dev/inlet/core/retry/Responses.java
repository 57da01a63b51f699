package dev.inlet.core.retry;

import dev.inlet.core.Headers;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.ResponseInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** Response facts for tests of hints and policies. */
final class Responses {

    static final URI URL = URI.create("https://api.example.com/v1/items?api_key=s3cret");

    private Responses() {
    }

    static ResponseInfo info(int status, String... headers) {
        return new ResponseInfo("GET", URL, status, Headers.of(headers), Instant.EPOCH, Duration.ZERO);
    }

    static HttpStatusException status(int status, String... headers) {
        return new HttpStatusException(info(status, headers), "", null);
    }
}
