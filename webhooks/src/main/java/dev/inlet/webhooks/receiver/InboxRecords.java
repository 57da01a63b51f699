package dev.inlet.webhooks.receiver;

import dev.inlet.core.Headers;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The durable inbox's record formats: ACCEPTED (the whole event), DONE (its sequence number) and
 * SEEN (a deduplication key kept across compaction). Strings are length-prefixed UTF-8 so header
 * values of any length survive.
 */
final class InboxRecords {

    static final byte ACCEPTED = 1;
    static final byte DONE = 2;
    static final byte SEEN = 3;

    private InboxRecords() {
    }

    /** A decoded ACCEPTED record. */
    record Accepted(WebhookEvent event, long dedupExpiresAtMillis) {
    }

    static byte[] accepted(WebhookEvent e, long dedupExpiresAtMillis) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + e.rawBody().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(ACCEPTED);
            out.writeLong(e.sequence);
            out.writeLong(e.receivedAt().toEpochMilli());
            out.writeLong(dedupExpiresAtMillis);
            writeString(out, e.endpoint());
            writeString(out, e.id().orElse(null));
            writeString(out, e.type().orElse(null));
            writeString(out, e.keyId().orElse(null));
            int[] count = {0};
            e.headers().forEach((n, v) -> count[0]++);
            out.writeInt(count[0]);
            IOException[] failure = {null};
            e.headers().forEach((name, value) -> {
                try {
                    writeString(out, name);
                    writeString(out, value);
                } catch (IOException io) {
                    failure[0] = io;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            out.writeInt(e.rawBody().length);
            out.write(e.rawBody());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    static Accepted readAccepted(DataInputStream in) throws IOException {
        long sequence = in.readLong();
        Instant receivedAt = Instant.ofEpochMilli(in.readLong());
        long expires = in.readLong();
        String endpoint = readString(in);
        String id = readString(in);
        String type = readString(in);
        String keyId = readString(in);
        int count = in.readInt();
        Headers.Builder headers = Headers.builder();
        for (int i = 0; i < count; i++) {
            headers.add(readString(in), readString(in));
        }
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        return new Accepted(new WebhookEvent(endpoint, id, type, keyId, headers.build(), body, receivedAt, sequence),
                expires);
    }

    static byte[] done(long sequence) {
        return java.nio.ByteBuffer.allocate(9).put(DONE).putLong(sequence).array();
    }

    static byte[] seen(String key, long expiresAtMillis) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(SEEN);
            out.writeLong(expiresAtMillis);
            writeString(out, key);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static String dedupKey(String endpoint, String id) {
        return endpoint + '\n' + id;
    }
}
