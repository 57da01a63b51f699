package dev.inlet.rest.decode;

import java.io.InputStream;

/**
 * Turns a response body into records, streaming. Built-in decoders handle JSON, NDJSON, XML and
 * CSV (see {@link BodyFormat}); add a {@link Factory} to an endpoint for another format.
 */
@FunctionalInterface
public interface BodyDecoder {

    /**
     * Starts decoding the body. The returned body reads lazily; the caller closes it.
     *
     * @param body the response body stream (already wrapped for excerpts)
     * @param context where the records are and what to skip
     */
    DecodedBody decode(InputStream body, DecodeContext context);

    /**
     * Makes a decoder for a media type, in the style of Retrofit's {@code Converter.Factory}: return
     * null to decline, and the next factory is asked.
     */
    @FunctionalInterface
    interface Factory {

        /**
         * A decoder for the media type, or null to decline.
         *
         * @param mediaType the {@code Content-Type} without parameters, lower case (e.g.
         *     {@code application/json}); empty if the response had none
         */
        BodyDecoder create(String mediaType);
    }
}
