package dev.inlet.bench.server;

import dev.inlet.bench.data.Records;
import java.nio.charset.StandardCharsets;

/**
 * A GraphQL endpoint serving one Relay connection from pre-rendered pages: {@code POST /graphql}
 * with variables {@code first} and {@code after} answers
 * {@code {"data":{"items":{"edges":[{"node":{...}}...],"pageInfo":{"hasNextPage":…,"endCursor":"cK"}}}}}.
 * It does not execute the query (a real server's cost is not what is measured): it reads the
 * {@code after} variable from the body with a string search and sends the page's bytes, cycling
 * through a few distinct blocks of edges as {@link RecordPages} does.
 */
public final class RelayPages implements PagedApi {

    private static final byte[] OPEN = "{\"data\":{\"items\":{\"edges\":[".getBytes(StandardCharsets.US_ASCII);
    private static final int DISTINCT_BLOCKS = 16;

    private final int pages;
    private final int perPage;
    private final byte[][] blocks;
    private final long[] blockSums;
    private final byte[][] tails;

    /** {@code pages} pages of {@code perPage} nodes. */
    public RelayPages(int pages, int perPage) {
        this.pages = pages;
        this.perPage = perPage;
        int distinct = Math.min(pages, DISTINCT_BLOCKS);
        this.blocks = new byte[distinct][];
        this.blockSums = new long[distinct];
        for (int b = 0; b < distinct; b++) {
            long from = (long) b * perPage;
            StringBuilder edges = new StringBuilder(perPage * 220);
            for (long n = from; n < from + perPage; n++) {
                edges.append(n > from ? "," : "").append("{\"node\":").append(Records.json(n)).append('}');
            }
            blocks[b] = edges.toString().getBytes(StandardCharsets.UTF_8);
            blockSums[b] = (from + from + perPage - 1) * perPage / 2;
        }
        this.tails = new byte[pages][];
        for (int k = 0; k < pages; k++) {
            String tail = k + 1 < pages ? "],\"pageInfo\":{\"hasNextPage\":true,\"endCursor\":\"c" + (k + 1) + "\"}}}}"
                    : "],\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":\"c" + (k + 1) + "\"}}}}";
            tails[k] = tail.getBytes(StandardCharsets.US_ASCII);
        }
    }

    @Override
    public Reply handle(Exchange exchange) {
        if (!exchange.path().equals("/graphql") || !exchange.method().equals("POST")) {
            return Reply.text(404, "POST /graphql only");
        }
        String body = new String(exchange.body(), StandardCharsets.UTF_8);
        int at = body.indexOf("\"after\":\"");
        int page = at < 0 ? 0 : Integer.parseInt(body.substring(at + 10, body.indexOf('"', at + 9)));
        if (page < 0 || page >= pages) {
            return Reply.text(400, "bad cursor");
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
}
