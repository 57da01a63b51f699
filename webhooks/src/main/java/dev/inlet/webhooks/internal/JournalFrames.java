package dev.inlet.webhooks.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * The journal's frame formats and the reads that find them again after damage.
 *
 * <p>Current frames ({@link #MAGIC}-framed, since 0.1): {@code [magic "INLJ"][length][crc32c of
 * length and payload][payload]}. The magic lets a reader that meets a damaged frame resynchronise
 * on the next frame instead of dropping everything after it; the checksum covers the length, so a
 * damaged length is detected too. Legacy frames (before the magic): {@code [length][crc32c of
 * payload][payload]}; still read, and rewritten in the current format when a journal is opened. A
 * legacy length can never equal the magic (it exceeds the largest record), so the two cannot be
 * confused.
 */
final class JournalFrames {

    /** "INLJ": the start of every current frame. */
    static final int MAGIC = 0x494E4C4A;
    static final int HEADER = 12;
    static final int LEGACY_HEADER = 8;
    /** Larger frames are treated as corruption. */
    static final int MAX_RECORD = 256 << 20;

    private JournalFrames() {
    }

    static ByteBuffer frame(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(HEADER + payload.length);
        frame.putInt(MAGIC).putInt(payload.length).putInt(checksum(payload.length, payload)).put(payload).flip();
        return frame;
    }

    static int checksum(int length, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(4).putInt(length).flip());
        crc.update(payload);
        return (int) crc.getValue();
    }

    /** The payload of the current-format frame at {@code position}, or null if there is none intact. */
    static byte[] readFrame(FileChannel channel, long position, long size) throws IOException {
        if (size - position < HEADER) {
            return null;
        }
        ByteBuffer header = read(channel, position, HEADER);
        if (header.getInt() != MAGIC) {
            return null;
        }
        int length = header.getInt();
        int checksum = header.getInt();
        if (length <= 0 || length > MAX_RECORD || length > size - position - HEADER) {
            return null;
        }
        byte[] payload = read(channel, position + HEADER, length).array();
        return checksum(length, payload) == checksum ? payload : null;
    }

    /** The payload of the legacy frame at {@code position}, or null if there is none intact. */
    static byte[] readLegacyFrame(FileChannel channel, long position, long size) throws IOException {
        if (size - position < LEGACY_HEADER) {
            return null;
        }
        ByteBuffer header = read(channel, position, LEGACY_HEADER);
        int length = header.getInt();
        int checksum = header.getInt();
        if (length <= 0 || length > MAX_RECORD || length > size - position - LEGACY_HEADER) {
            return null;
        }
        byte[] payload = read(channel, position + LEGACY_HEADER, length).array();
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue() == checksum ? payload : null;
    }

    /** The position of the next intact current-format frame at or after {@code from}, or -1. */
    static long nextFrame(FileChannel channel, long from, long size) throws IOException {
        long position = from;
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
        while (position + HEADER <= size) {
            chunk.clear();
            int n = channel.read(chunk, position);
            if (n < 4) {
                return -1;
            }
            for (int i = 0; i + 4 <= n; i++) {
                if (chunk.getInt(i) == MAGIC && readFrame(channel, position + i, size) != null) {
                    return position + i;
                }
            }
            position += n - 3;
        }
        return -1;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of journal at " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }
}
