package dev.inlet.core.http.internal.wire;

import java.net.ProtocolException;

/**
 * A response that breaks HTTP/1.1 or the limits on its head (a line or a head too long, a malformed
 * status line, length or chunk): an {@link java.io.IOException}, so the pipeline treats it as a
 * transport failure like a reset.
 */
public final class WireProtocolException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    WireProtocolException(String message) {
        super(message);
    }
}
