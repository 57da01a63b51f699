package dev.inlet.rest.decode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Passes a body through and keeps the bytes from a given offset on, so the bytes of the record
 * being read can be looked at again after the parser has moved past them (a record that fails to
 * bind directly is re-read as a tree for its rejection). Holds about one record plus the parser's
 * read-ahead; compacts lazily, so each byte is copied about once.
 */
final class RetainingInputStream extends InputStream {

    private final InputStream in;
    private byte[] kept = new byte[64 * 1024];
    /** Absolute body offset of {@code kept[0]}. */
    private long keptFrom;
    private int length;
    /** Bytes before this absolute offset may be dropped. */
    private long retainFrom;

    RetainingInputStream(InputStream in) {
        this.in = in;
    }

    /** Bytes before this absolute offset are no longer needed. */
    void retainFrom(long offset) {
        retainFrom = Math.max(retainFrom, offset);
    }

    /** A copy of the body's bytes in [from, to), if still kept. */
    byte[] bytes(long from, long to) {
        if (from < keptFrom || to > keptFrom + length || from > to) {
            return null;
        }
        return Arrays.copyOfRange(kept, (int) (from - keptFrom), (int) (to - keptFrom));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        int n = in.read(buffer, offset, count);
        if (n > 0) {
            keep(buffer, offset, n);
        }
        return n;
    }

    private void keep(byte[] buffer, int offset, int n) {
        if (length + n > kept.length) {
            int drop = (int) Math.min(length, Math.max(0, retainFrom - keptFrom));
            System.arraycopy(kept, drop, kept, 0, length - drop);
            keptFrom += drop;
            length -= drop;
            if (length + n > kept.length) {
                kept = Arrays.copyOf(kept, Math.max(kept.length * 2, length + n));
            }
        }
        System.arraycopy(buffer, offset, kept, length, n);
        length += n;
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
