package dev.inlet.rest.paginate;

/**
 * How the cursor field of a JSON request body looks on the first request, before any page has given a
 * cursor (see {@link Paginators#requestBodyCursor(String, String, String, FirstCursor)}). APIs differ:
 * Plaid's {@code /transactions/sync} takes the field left out (or an empty string) to mean "from the
 * beginning", others want an explicit {@code null}. Later requests always carry the cursor as a string.
 */
public enum FirstCursor {

    /** The field is left out of the first request's body (removed if the body template has it). */
    OMIT,

    /** The field is JSON {@code null} on the first request. */
    NULL,

    /** The field is the empty string {@code ""} on the first request. */
    EMPTY
}
