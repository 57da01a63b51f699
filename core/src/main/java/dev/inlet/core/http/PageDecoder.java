package dev.inlet.core.http;

import dev.inlet.core.OpenPage;
import dev.inlet.core.Position;

/**
 * Starts decoding a page from a successful (2xx) response. The pipeline calls it again on a fresh
 * response when an attempt fails mid-body, with {@link Position#skip()} raised to the records
 * already delivered, so the decoder skips exactly those.
 */
@FunctionalInterface
public interface PageDecoder {

    /**
     * Decodes the response as the page at the position, skipping {@code position.skip()} records.
     * The returned page owns the response and closes it.
     */
    OpenPage decode(Response response, Position position);
}
