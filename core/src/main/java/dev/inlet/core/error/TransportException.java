package dev.inlet.core.error;

/**
 * The request did not get a complete HTTP response: connection refused or reset, TLS failure,
 * an empty or malformed response, or a timeout.
 */
public class TransportException extends InletException {

    private static final long serialVersionUID = 1L;

    private final boolean timeout;

    /**
     * An exception for a failed exchange.
     *
     * @param what what failed and where (URL without secrets)
     * @param timeout whether it was a timeout
     * @param cause the I/O failure
     */
    public TransportException(String what, boolean timeout, Throwable cause) {
        super(what, timeout
                ? "The server did not answer in time; raise the request timeout or the retry budget"
                : "The connection failed; check the URL, the network and the server", cause);
        this.timeout = timeout;
    }

    /** Whether the failure was a timeout. */
    public boolean isTimeout() {
        return timeout;
    }
}
