package dev.inlet.core.http;

import java.io.IOException;

/**
 * Turns a successful (2xx) response into a value, inside the retry scope of the call: a body that
 * fails to read or decode is retried like a failed request. The pipeline closes the response after
 * the handler returns.
 *
 * @param <R> the value type
 */
@FunctionalInterface
public interface ResponseHandler<R> {

    /**
     * Handles a 2xx response.
     *
     * @throws IOException if reading the body fails (retried as a transport failure)
     */
    R handle(Response response) throws IOException;
}
