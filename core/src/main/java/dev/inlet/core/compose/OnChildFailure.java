package dev.inlet.core.compose;

/** What a {@link Substreams} does when the child run of one parent record fails. */
public enum OnChildFailure {
    /** Stop with a {@link CompositionException} naming the parent; the default. */
    FAIL,
    /** Leave out that parent's child records, count the failure in the {@link SubstreamReport}, go on. */
    SKIP
}
