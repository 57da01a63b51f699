package dev.inlet.core.retry;

/** What to do with a successful response whose body may report an error. */
public enum BodyVerdict {
    /** The body is good data. */
    ACCEPT,
    /** The body reports a transient error: retry the request as for a 503. */
    RETRY,
    /** The body reports a permanent error: stop with a {@link dev.inlet.core.error.BodyErrorException}. */
    FAIL
}
