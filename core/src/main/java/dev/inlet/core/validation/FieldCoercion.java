package dev.inlet.core.validation;

import tools.jackson.databind.JsonNode;

/** One explicit conversion of a present, non-null field value. Implementations are immutable. */
interface FieldCoercion {

    /**
     * The converted value: the very same node when it is already in the target form (so the record
     * need not be copied), or null when it cannot be converted.
     */
    JsonNode apply(JsonNode value);

    /** What the value can be read as, for messages: "a decimal number", "true or false" … */
    String expected();
}
