package dev.inlet.bench.server;

import dev.inlet.bench.data.Records;
import java.nio.charset.StandardCharsets;

/**
 * A cursor-paginated REST endpoint with pre-rendered pages: {@code GET /records?limit=N[&cursor=cK]}
 * answers {@code {"data":[...N records...],"has_more":…,"next_cursor":"cK+1"}}, the last page with
 * {@code "next_cursor":null}. Pages cycle through a few distinct record blocks (so a million records
 * cost megabytes, not hundreds of them, in the measuring JVM); each page is sent as three
 * pre-rendered byte arrays with a {@code Content-Length}, so serving costs the server almost nothing.
 */
public final class RecordPages implements PagedApi {

    private static final byte[] OPEN = "{\"data\":[".getBytes(StandardCharsets.US_ASCII);
    private static final int DISTINCT_BLOCKS = 16;

    private final int pages;
    private final int perPage;
    private final byte[][] blocks;
    private final long[] blockSums;
    private final byte[][] tails;

    /** {@code pages} pages of {@code perPage} records. */
    public RecordPages(int pages, int perPage) {
        this.pages = pages;
        this.perPage = perPage;
        int distinct = Math.min(pages, DISTINCT_BLOCKS);
        this.blocks = new byte[distinct][];
        this.blockSums = new long[distinct];
        for (int b = 0; b < distinct; b++) {
            long from = (long) b * perPage;
            blocks[b] = Records.commaSeparated(from, from + perPage);
            blockSums[b] = (from + from + perPage - 1) * perPage / 2;
        }
        this.tails = new byte[pages][];
        for (int k = 0; k < pages; k++) {
            String tail = k + 1 < pages ? "],\"has_more\":true,\"next_cursor\":\"c" + (k + 1) + "\"}"
                    : "],\"has_more\":false,\"next_cursor\":null}";
            tails[k] = tail.getBytes(StandardCharsets.US_ASCII);
        }
    }

    @Override
    public Reply handle(Exchange exchange) {
        if (!exchange.path().equals("/records")) {
            return Reply.text(404, "no such path " + exchange.path());
        }
        String cursor = exchange.query("cursor");
        int page = cursor == null ? 0 : Integer.parseInt(cursor.substring(1));
        if (page < 0 || page >= pages) {
            return Reply.text(400, "bad cursor " + cursor);
        }
        return Reply.json(OPEN, blocks[page % blocks.length], tails[page]);
    }

    @Override
    public long expectedCount() {
        return (long) pages * perPage;
    }

    @Override
    public long expectedSum() {
        long sum = 0;
        for (int k = 0; k < pages; k++) {
            sum += blockSums[k % blocks.length];
        }
        return sum;
    }

    /** Bytes of one full page body (for reporting). */
    public long pageBytes() {
        return OPEN.length + blocks[0].length + tails[0].length;
    }
}
