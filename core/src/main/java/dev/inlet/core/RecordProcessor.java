package dev.inlet.core;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import dev.inlet.core.error.InletException;
import dev.inlet.core.error.InvalidRecordException;
import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.record.QuarantineSink;
import dev.inlet.core.record.RecordMapper;
import dev.inlet.core.record.RecordValidator;
import dev.inlet.core.record.Rejection;
import dev.inlet.core.record.Validation;
import dev.inlet.core.record.Violation;

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
            Validation validation;
            try {
                validation = validator.validate(raw);
            } catch (InletException e) {
                throw e;
            } catch (RuntimeException e) {
                // A validator must report problems as violations; one that throws still must not lose
                // the record or end the run unaccounted: the record is rejected with the reason.
                return reject(raw, page, indexInPage, rejections, List.of(new Violation("", "validator-error",
                        "the validator failed: " + e)));
            }
            if (!validation.isValid()) {
                return reject(raw, page, indexInPage, rejections, validation.violations());
            }
            record = validation.record();
        }
        T value;
        try {
            value = mapper.map(record);
        } catch (JacksonException e) {
            return reject(raw, page, indexInPage, rejections,
                    List.of(new Violation(pointer(e), "mapping", e.getOriginalMessage())));
        } catch (InletException e) {
            throw e;
        } catch (RuntimeException e) {
            return reject(raw, page, indexInPage, rejections,
                    List.of(new Violation("", "mapping", String.valueOf(e.getMessage()))));
        }
        if (value == null) {
            return reject(raw, page, indexInPage, rejections,
                    List.of(new Violation("", "mapping", "the mapper returned null")));
        }
        return value;
    }

    /**
     * Records a rejection (so the run's report counts it even when the policy then stops the run),
     * quarantines it if asked, and returns null; throws under {@link InvalidRecordPolicy#FAIL}.
     */
    private T reject(JsonNode raw, Position page, int indexInPage, List<Rejection> rejections,
            List<Violation> violations) {
        Rejection rejection = new Rejection(connector, page.withSkip(0), indexInPage, raw, violations);
        rejections.add(rejection);
        if (policy == InvalidRecordPolicy.FAIL) {
            throw new InvalidRecordException(rejection);
        }
        if (policy == InvalidRecordPolicy.QUARANTINE) {
            quarantine.accept(rejection);
        }
        return null;
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
