package dev.inlet.bench.server;

import dev.inlet.bench.data.Records;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One response holding a JSON array of many records: {@code GET /huge} answers
 * {@code {"object":"list","data":[...],"has_more":false}} with a {@code Content-Length}. The body is
 * one pre-rendered block of records repeated (the parts list references the same two arrays), so a
 * gigabyte body costs the serving JVM a few hundred kilobytes of heap.
 */
public final class HugeArray implements LoopbackServer.Handler {

    private static final int BLOCK = 1000;
    private static final byte[] OPEN = "{\"object\":\"list\",\"data\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "],\"has_more\":false}".getBytes(StandardCharsets.US_ASCII);

    private final long records;
    private final List<byte[]> parts;
    private final long expectedSum;

    /** A body of {@code records} records (a multiple of 1,000, or fewer than 1,000). */
    public HugeArray(long records) {
        int block = (int) Math.min(BLOCK, records);
        if (records % block != 0) {
            throw new IllegalArgumentException("records must be a multiple of " + block);
        }
        this.records = records;
        byte[] first = Records.commaSeparated(0, block);
        byte[] next = new byte[first.length + 1];
        next[0] = ',';
        System.arraycopy(first, 0, next, 1, first.length);
        long blocks = records / block;
        List<byte[]> body = new ArrayList<>((int) blocks + 2);
        body.add(OPEN);
        body.add(first);
        for (long b = 1; b < blocks; b++) {
            body.add(next);
        }
        body.add(CLOSE);
        this.parts = List.copyOf(body);
        this.expectedSum = blocks * ((long) block * (block - 1) / 2);
    }

    @Override
    public Reply handle(Exchange exchange) {
        if (!exchange.path().equals("/huge")) {
            return Reply.text(404, "no such path " + exchange.path());
        }
        return new Reply(200, List.<String[]>of(new String[] {"Content-Type", "application/json"}), parts, -1);
    }

    /** Records in the body. */
    public long expectedCount() {
        return records;
    }

    /** The sum of their {@code n}. */
    public long expectedSum() {
        return expectedSum;
    }

    /** Body size in bytes. */
    public long bodyBytes() {
        long total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        return total;
    }
}
