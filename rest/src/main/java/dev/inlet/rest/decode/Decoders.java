package dev.inlet.rest.decode;

import dev.inlet.core.error.DecodingException;
import dev.inlet.core.Json;
import dev.inlet.core.internal.OptionalDependency;
import java.util.List;
import java.util.Optional;

/**
 * The built-in decoders, and the choice of a decoder for a response: a format the endpoint forces,
 * else the caller's factories in order, else the built-ins by {@code Content-Type}, else a sniff of
 * the first byte when the response names no type.
 */
public final class Decoders {

    /** jackson-dataformat-xml is optional: only endpoints that answer XML need it. */
    static final OptionalDependency XML = OptionalDependency.jacksonModule("XML decoding", "jackson-dataformat-xml",
            "tools.jackson.dataformat.xml.XmlMapper");
    /** jackson-dataformat-csv is optional: only endpoints that answer CSV need it. */
    static final OptionalDependency CSV = OptionalDependency.jacksonModule("CSV decoding", "jackson-dataformat-csv",
            "tools.jackson.dataformat.csv.CsvMapper");

    private static final BodyDecoder NDJSON = new SequenceDecoder("NDJSON",
            (in, context) -> Json.parser(Json.mapper(), context.limits(), in), parser -> Json.mapper().readTree(parser));

    private Decoders() {
    }

    /** The XML decoder, after checking its optional library is there (naming it if not). */
    private static BodyDecoder xml() {
        XML.require(Decoders.class.getClassLoader());
        return XmlDecoder.INSTANCE;
    }

    /** The CSV decoder, after checking its optional library is there (naming it if not). */
    private static BodyDecoder csv() {
        CSV.require(Decoders.class.getClassLoader());
        return CsvDecoder.INSTANCE;
    }

    /** The built-in decoder for a format. */
    public static BodyDecoder of(BodyFormat format) {
        return switch (format) {
            case JSON -> JsonDecoder.INSTANCE;
            case NDJSON -> NDJSON;
            case XML -> xml();
            case CSV -> csv();
        };
    }

    /**
     * The decoder for a response.
     *
     * @param forced the format the endpoint insists on, if any (overrides the content type)
     * @param factories the caller's factories, asked first
     * @param contentType the response's {@code Content-Type}, if any
     * @param firstByte the first non-whitespace byte of the body (for sniffing), or -1 if empty
     * @param context for messages
     * @throws DecodingException if no decoder fits (HTML, an unknown type)
     */
    public static BodyDecoder choose(Optional<BodyFormat> forced, List<BodyDecoder.Factory> factories,
            Optional<String> contentType, int firstByte, DecodeContext context) {
        if (forced.isPresent()) {
            return of(forced.get());
        }
        String mediaType = BodyFormat.mediaType(contentType.orElse(null));
        for (BodyDecoder.Factory factory : factories) {
            BodyDecoder decoder = factory.create(mediaType);
            if (decoder != null) {
                return decoder;
            }
        }
        Optional<BodyFormat> format = BodyFormat.of(mediaType);
        if (format.isPresent()) {
            return of(format.get());
        }
        if (mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml")) {
            throw new DecodingException("Expected data but " + context.where() + " sent an HTML page (Content-Type "
                    + contentType.orElse("") + ")", -1, context.excerpt().get(),
                    "An HTML page with a success status usually comes from a proxy, a login or a maintenance page; "
                            + "check the URL and credentials", null, false);
        }
        if (mediaType.isEmpty()) {
            if (firstByte == '{' || firstByte == '[') {
                return JsonDecoder.INSTANCE;
            }
            if (firstByte == '<') {
                String start = context.excerpt().get().toLowerCase(java.util.Locale.ROOT);
                if (start.contains("<html") || start.contains("<!doctype html")) {
                    throw new DecodingException("Expected data but " + context.where()
                            + " sent an HTML page without a Content-Type", -1, context.excerpt().get(),
                            "Check the URL and credentials", null, false);
                }
                return xml();
            }
        }
        throw new DecodingException("Cannot decode Content-Type '" + contentType.orElse("(none)") + "' from "
                + context.where(), -1, context.excerpt().get(),
                "Force a format with format(BodyFormat.JSON) (or XML, CSV, NDJSON) if the body is one of those, "
                        + "or add a BodyDecoder.Factory for this type", null, false);
    }
}
