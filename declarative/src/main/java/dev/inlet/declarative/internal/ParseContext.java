package dev.inlet.declarative.internal;

import java.util.Map;

/**
 * <b>Internal.</b> What a stream inherits from its definition while being read: the definition-wide
 * query parameters and headers, and the shared paginator blocks it may {@code use}.
 *
 * @param params query parameters of every stream
 * @param headers headers of every stream
 * @param paginators the shared paginators, or null
 */
record ParseContext(Map<String, Template> params, Map<String, Template> headers, Node.Mapping paginators) {
}
