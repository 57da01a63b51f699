package dev.inlet.rest.decode;

import dev.inlet.core.DecodingException;
import dev.inlet.core.InletException;
import dev.inlet.core.TransportException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/** Turns parser failures into Inlet's exceptions, saying where in the body they happened. */
final class Failures {

    private Failures() {
    }

    /**
     * A connection that broke mid-body is a transport failure (retried as such); anything else the
     * parser rejects is a decoding failure with the byte offset and the start of the body.
     */
    static InletException of(JacksonException e, JsonParser parser, String format, DecodeContext context) {
        if (e instanceof JacksonIOException) {
            return new TransportException(context.where() + ": the connection failed while reading the body: "
                    + e.getOriginalMessage(), false, e);
        }
        long offset = parser == null ? -1 : parser.currentLocation().getByteOffset();
        String what = e instanceof UnexpectedEndOfInputException
                ? "Truncated " + format + " body from " + context.where()
                : "Malformed " + format + " body from " + context.where() + ": " + e.getOriginalMessage();
        return new DecodingException(what, offset, context.excerpt().get(),
                "The body ended early or is not valid " + format + "; a retry may get a complete body", e);
    }

    /** An empty body where records were expected. */
    static DecodingException emptyBody(String format, DecodeContext context) {
        return new DecodingException("Empty " + format + " body from " + context.where(), 0, "",
                "The server sent a success status without a body; if that means 'no records', "
                        + "configure the endpoint with emptyBodyIsEmptyPage(true)", null);
    }
}
