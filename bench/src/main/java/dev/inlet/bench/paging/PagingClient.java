package dev.inlet.bench.paging;

/**
 * One way of reading every record of the {@link dev.inlet.bench.server.RecordPages} endpoint; each
 * implementation is what a user would write with that library. Built once per JVM, run many times.
 */
public interface PagingClient {

    /** Reads every page from the server at {@code baseUrl} into the tally. */
    void readAll(String baseUrl, int perPage, Tally tally) throws Exception;
}
