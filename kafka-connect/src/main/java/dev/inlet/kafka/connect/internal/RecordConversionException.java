package dev.inlet.kafka.connect.internal;

import dev.inlet.core.error.InletException;

/** <b>Internal</b>: a record that does not fit its stream's schema; it goes to the dead-letter topic. */
public final class RecordConversionException extends InletException {

    private static final long serialVersionUID = 1L;

    private final String pointer;

    /**
     * @param pointer the JSON Pointer of the value that does not fit ("" for the record)
     * @param problem what is wrong with it
     */
    public RecordConversionException(String pointer, String problem) {
        super("The value at '" + pointer + "' " + problem, "Fix the stream's JSON Schema or the record mapping", null);
        this.pointer = pointer;
    }

    /** The JSON Pointer of the value that does not fit. */
    public String pointer() {
        return pointer;
    }
}
