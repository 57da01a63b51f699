package dev.inlet.declarative.internal;

/**
 * <b>Internal.</b> A declared input of a definition ({@code inputs:}): a value the caller passes when
 * binding (a start date, a store's domain, an API key).
 *
 * @param name the input's name
 * @param type its type
 * @param required whether binding without it (and without a default) is an error
 * @param defaultValue the default, or null
 * @param description what it is, or null
 * @param node where it was declared
 */
public record InputSpec(String name, ValueType type, boolean required, String defaultValue, String description,
        Node node) {
}
