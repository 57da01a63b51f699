package dev.inlet.rest.decode;

import dev.inlet.core.error.DecodingException;
import dev.inlet.core.error.InletException;
import dev.inlet.core.error.LimitExceededException;
import dev.inlet.core.ReadLimits;
import dev.inlet.core.error.TransportException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/** Turns parser failures into Inlet's exceptions, saying where in the body they happened. */
final class Failures {

    private Failures() {
    }

    /**
     * A connection that broke mid-body is a transport failure (retried as such); a body that ended
     * early is a retryable decoding failure; a value past a {@link dev.inlet.core.ReadLimits} limit
     * and invalid UTF-8 are non-retryable (the same request gets the same bytes); anything else the
     * parser rejects is a decoding failure with the byte offset and the start of the body.
     */
    static InletException of(JacksonException e, JsonParser parser, String format, DecodeContext context) {
        if (e instanceof JacksonIOException) {
            return new TransportException(context.where() + ": the connection failed while reading the body: "
                    + e.getOriginalMessage(), false, e);
        }
        long offset = parser == null ? -1 : parser.currentLocation().getByteOffset();
        String at = pointer(parser);
        if (e instanceof StreamConstraintsException) {
            return new LimitExceededException("A value in the " + format + " body from " + context.where() + at
                    + " is too large: " + ReadLimits.describeConstraint(e.getOriginalMessage()),
                    ReadLimits.settingOf(e.getOriginalMessage()), offset, context.excerpt().get(), e);
        }
        if (e instanceof UnexpectedEndOfInputException) {
            return new DecodingException("Truncated " + format + " body from " + context.where(), offset,
                    context.excerpt().get(), "The body ended early; a retry may get a complete body", e);
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Invalid UTF-8")) {
            return new DecodingException("The " + format + " body from " + context.where() + at + " is not valid UTF-8: "
                    + message, offset, context.excerpt().get(), "The server sent bytes in another encoding; "
                            + "a retry gets the same bytes", e, false);
        }
        return new DecodingException("Malformed " + format + " body from " + context.where() + at + ": " + message,
                offset, context.excerpt().get(),
                "The body ended early or is not valid " + format + "; a retry may get a complete body", e);
    }

    /** " at /data/3/note", or empty at the top level or without a parser. */
    private static String pointer(JsonParser parser) {
        if (parser == null) {
            return "";
        }
        try {
            String pointer = parser.streamReadContext().pathAsPointer().toString();
            return pointer.isEmpty() ? "" : " at " + pointer;
        } catch (RuntimeException unknown) {
            return "";
        }
    }

    /** An empty (or blank) body where records were expected. */
    static DecodingException emptyBody(String format, DecodeContext context) {
        return emptyBody(format, context, 0);
    }

    /** An empty body, or one of {@code length} bytes of whitespace. */
    static DecodingException emptyBody(String format, DecodeContext context, long length) {
        return new DecodingException((length > 0 ? "Blank " + format + " body (" + length + " bytes of whitespace)"
                : "Empty " + format + " body") + " from " + context.where(), length, "",
                "The server sent a success status without a body; if that means 'no records', "
                        + "configure the endpoint with emptyBodyIsEmptyPage(true)", null);
    }
}
