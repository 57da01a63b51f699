package dev.inlet.bench.server;

/** A paginated fake API whose whole content is known, so a client's tally can be checked. */
public interface PagedApi extends LoopbackServer.Handler {

    /** Records over all pages. */
    long expectedCount();

    /** The sum of every record's {@code n} over all pages. */
    long expectedSum();
}
