package dev.inlet.rest.decode;

import dev.inlet.core.error.LimitExceededException;
import dev.inlet.core.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Passes a body to a parser and bounds what one value may take: while a decoder reads a record (or
 * an envelope value, or an NDJSON line, or a CSV row), the bytes handed to the parser since it began
 * may not exceed {@link ReadLimits#maxRecordBytes()} (plus the parser's read-ahead). The check is in
 * the stream, so a hostile value fails before it is built, with a {@link LimitExceededException}
 * that says where (JSON Pointer) it started; the exception is unchecked, so the parser passes it on.
 */
final class RecordBudget extends InputStream {

    /** What a parser may have read ahead of the value it is building (Jackson reads 8,000 bytes at a time). */
    static final int READ_AHEAD = 64 * 1024;

    private final InputStream in;
    private final long max;
    private final String format;
    private final DecodeContext context;
    private long delivered;
    private long start = -1;
    private Supplier<String> where;

    RecordBudget(InputStream in, String format, DecodeContext context) {
        this.in = in;
        this.max = context.limits().maxRecordBytes();
        this.format = format;
        this.context = context;
    }

    /**
     * A value starts at this byte offset (or -1 if the parser does not know it: then at the bytes
     * handed over so far, which may be up to a read-ahead past it); {@code where} names it (e.g. its
     * JSON Pointer) if it grows too large.
     */
    void begin(long offset, Supplier<String> where) {
        this.start = offset >= 0 ? Math.min(offset, delivered) : delivered;
        this.where = where;
    }

    /**
     * The value is complete: checks its exact size (the parser's offset after it) when it may be
     * larger than the limit; a cheap comparison otherwise, once per record.
     *
     * @throws LimitExceededException if it is larger than the limit
     */
    void end(LongSupplier endOffset) {
        long from = start;
        start = -1;
        if (delivered - from > max) {
            long to = endOffset.getAsLong();
            if (to >= 0 && to - from > max) {
                throw tooLarge(where.get(), from);
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            delivered += n;
            if (start >= 0 && delivered - start > max + READ_AHEAD) {
                throw tooLarge(where.get(), start);
            }
        }
        return n;
    }

    private LimitExceededException tooLarge(String at, long from) {
        return new LimitExceededException("A value in the " + format + " body from " + context.where()
                + (at == null || at.isEmpty() ? "" : " at " + at) + " (starting at byte " + from
                + ") is larger than maxRecordBytes (" + ReadLimits.describeBytes(max) + ")", "maxRecordBytes",
                delivered, context.excerpt().get(), null);
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
