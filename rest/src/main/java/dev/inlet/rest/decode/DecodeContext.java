package dev.inlet.rest.decode;

import dev.inlet.core.ReadLimits;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a decoder needs to know about the body it decodes.
 *
 * @param recordsPointer the JSON Pointer of the records array ({@code ""}: the body is the array)
 * @param mapper the mapper that builds record trees (Inlet's defaults: exact decimals)
 * @param skip how many leading records were already delivered and must be skipped
 * @param keepLastSkipped whether the last skipped record must be kept (a paginator needs it)
 * @param missingRecordsAsEmpty whether a body without the records path is an empty page, not an error
 * @param where the request, for messages (method and URL without secrets)
 * @param excerpt the first bytes of the body seen so far, quoted for messages
 * @param binder a reader that binds each record straight to the caller's type, or null to deliver
 *     trees (see {@link dev.inlet.core.PageSource#binding})
 * @param limits how large a record, string, number or nesting may be (the pipeline's)
 */
public record DecodeContext(String recordsPointer, JsonMapper mapper, int skip, boolean keepLastSkipped,
        boolean missingRecordsAsEmpty, String where, Supplier<String> excerpt, ObjectReader binder,
        ReadLimits limits) {

    /** Checks that nothing is null (but the binder). */
    public DecodeContext {
        Objects.requireNonNull(recordsPointer, "recordsPointer");
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(limits, "limits");
    }

    /** A context with {@link ReadLimits#defaults()}. */
    public DecodeContext(String recordsPointer, JsonMapper mapper, int skip, boolean keepLastSkipped,
            boolean missingRecordsAsEmpty, String where, Supplier<String> excerpt, ObjectReader binder) {
        this(recordsPointer, mapper, skip, keepLastSkipped, missingRecordsAsEmpty, where, excerpt, binder,
                ReadLimits.defaults());
    }
}
