package dev.inlet.bench.server;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What {@link LoopbackServer} sends back: a status, headers, and a body of pre-rendered parts sent
 * one after the other with a {@code Content-Length} (no copying). Faults: {@link #abortConnection()} closes the connection without answering;
 * {@link #truncated(long)} announces the whole body but sends only its first bytes, then closes.
 *
 * @param status the HTTP status
 * @param headers name/value pairs
 * @param parts the body as parts sent one after the other
 * @param cutAfter -1 to send the whole reply; 0 to drop the connection instead of answering; n to send
 *     the head and the first n body bytes, then drop the connection
 */
public record Reply(int status, List<String[]> headers, List<byte[]> parts, long cutAfter) {

    private static final Reply ABORT = new Reply(0, List.of(), List.of(), 0);

    /** Whether the connection is dropped without an answer. */
    public boolean abort() {
        return cutAfter == 0;
    }

    /** This reply with only the first {@code bodyBytes} of its body sent before the connection drops. */
    public Reply truncated(long bodyBytes) {
        return new Reply(status, headers, parts, Math.max(1, bodyBytes));
    }

    /** A JSON reply made of pre-rendered parts. */
    public static Reply json(byte[]... parts) {
        return new Reply(200, List.<String[]>of(new String[] {"Content-Type", "application/json"}), List.of(parts), -1);
    }

    /** A plain-text reply. */
    public static Reply text(int status, String text) {
        return new Reply(status, List.<String[]>of(new String[] {"Content-Type", "text/plain"}),
                List.of(text.getBytes(StandardCharsets.UTF_8)), -1);
    }

    /** A reply with a status, headers and no body. */
    public static Reply empty(int status, String... namesAndValues) {
        String[][] headers = new String[namesAndValues.length / 2][];
        for (int i = 0; i < headers.length; i++) {
            headers[i] = new String[] {namesAndValues[2 * i], namesAndValues[2 * i + 1]};
        }
        return new Reply(status, List.of(headers), List.of(), -1);
    }

    /** Drops the connection without a response. */
    public static Reply abortConnection() {
        return ABORT;
    }
}
