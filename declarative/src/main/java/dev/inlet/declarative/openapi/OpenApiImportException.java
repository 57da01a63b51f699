package dev.inlet.declarative.openapi;

import dev.inlet.core.error.InletException;

/** An OpenAPI document that cannot be read or has no operations to import; the message names the file. */
public final class OpenApiImportException extends InletException {

    private static final long serialVersionUID = 1L;

    /**
     * An import failure.
     *
     * @param message what went wrong, naming the document
     * @param hint what to do about it
     * @param cause the parser's failure, or null
     */
    public OpenApiImportException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
