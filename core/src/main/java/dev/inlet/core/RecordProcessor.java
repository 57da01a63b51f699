package dev.inlet.core;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns one raw record into a delivered value or a rejection: validate, map, and apply the
 * connector's {@link InvalidRecordPolicy}. Shared by a run and by the single-page step.
 */
final class RecordProcessor<T> {

    private final String connector;
    private final RecordValidator validator;
    private final boolean validates;
    private final RecordMapper<T> mapper;
    private final InvalidRecordPolicy policy;
    private final QuarantineSink quarantine;

    RecordProcessor(String connector, RecordValidator validator, RecordMapper<T> mapper,
            InvalidRecordPolicy policy, QuarantineSink quarantine) {
        this.connector = connector;
        this.validator = validator;
        this.validates = validator != ConnectorDefaults.NO_VALIDATION;
        this.mapper = mapper;
        this.policy = policy;
        this.quarantine = quarantine;
    }

    /**
     * The value to deliver, or null if the record was rejected (and skipped or quarantined).
     *
     * @param rejections receives the rejection, if any
     * @throws InvalidRecordException if the record is invalid and the policy is FAIL
     */
    T process(JsonNode raw, Position page, int indexInPage, List<Rejection> rejections) {
        JsonNode record = raw;
        if (validates) {
            Validation validation = validator.validate(raw);
            if (!validation.isValid()) {
                reject(new Rejection(connector, page.withSkip(0), indexInPage, raw, validation.violations()),
                        rejections);
                return null;
            }
            record = validation.record();
        }
        try {
            T value = mapper.map(record);
            if (value == null) {
                reject(new Rejection(connector, page.withSkip(0), indexInPage, raw,
                        List.of(new Violation("", "mapping", "the mapper returned null"))), rejections);
            }
            return value;
        } catch (JacksonException e) {
            reject(new Rejection(connector, page.withSkip(0), indexInPage, raw,
                    List.of(new Violation(pointer(e), "mapping", e.getOriginalMessage()))), rejections);
        } catch (IllegalArgumentException e) {
            reject(new Rejection(connector, page.withSkip(0), indexInPage, raw,
                    List.of(new Violation("", "mapping", String.valueOf(e.getMessage())))), rejections);
        }
        return null;
    }

    private void reject(Rejection rejection, List<Rejection> rejections) {
        if (policy == InvalidRecordPolicy.FAIL) {
            throw new InvalidRecordException(rejection);
        }
        rejections.add(rejection);
        if (policy == InvalidRecordPolicy.QUARANTINE) {
            quarantine.accept(rejection);
        }
    }

    /** The JSON Pointer of the property a Jackson mapping failure refers to. */
    static String pointer(JacksonException e) {
        List<String> segments = new ArrayList<>();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                segments.add(ref.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                segments.add(Integer.toString(ref.getIndex()));
            }
        }
        return segments.isEmpty() ? "" : "/" + String.join("/", segments);
    }
}
