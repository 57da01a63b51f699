package dev.inlet.webhooks.internal;

import dev.inlet.core.Headers;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * An incremental, non-blocking reader of one HTTP/1.1 request at a time, fed whatever bytes have
 * arrived. Strict where leniency would help an attacker: one {@code Content-Length} (or identical
 * copies), never together with {@code Transfer-Encoding}, only {@code chunked} as transfer coding,
 * no folded headers, a bounded head and a bounded body. Not thread-safe: one per connection.
 */
final class RequestParser {

    /** What {@link #feed} found. */
    enum Event { NEED_MORE, HEAD, COMPLETE, BAD }

    private enum State { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER, DONE }

    private final int maxHeadBytes;
    private State state = State.HEAD;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    private String method;
    private String target;
    private Headers headers;
    private boolean keepAlive;
    private boolean chunked;
    private long declaredLength;
    private int maxBody;
    private byte[] fixedBody;
    private int fixedFilled;
    private ByteArrayOutputStream chunkedBody;
    private long chunkRemaining;
    private final StringBuilder line = new StringBuilder();
    /** The last four bytes of the head, to spot the blank line that ends it. */
    private int tail;
    private long bodyBytesSeen;
    private int badStatus;
    private String badMessage;

    RequestParser(int maxHeadBytes) {
        this.maxHeadBytes = maxHeadBytes;
    }

    /** Ready for the next request on a kept-alive connection. */
    void reset() {
        state = State.HEAD;
        head.reset();
        tail = 0;
        method = null;
        target = null;
        headers = null;
        fixedBody = null;
        chunkedBody = null;
        line.setLength(0);
        bodyBytesSeen = 0;
    }

    /** Consumes bytes from {@code in} (read mode) until an event other than more input is due. */
    Event feed(ByteBuffer in) {
        while (in.hasRemaining()) {
            switch (state) {
                case HEAD -> {
                    byte b = in.get();
                    head.write(b);
                    tail = (tail << 8) | (b & 0xff);
                    if (b == '\n' && endsWithBlankLine()) {
                        return parseHead();
                    }
                    if (head.size() > maxHeadBytes) {
                        return bad(431, "the request head is larger than " + maxHeadBytes + " bytes");
                    }
                }
                case BODY -> {
                    int n = (int) Math.min(in.remaining(), declaredLength - fixedFilled);
                    if (fixedFilled + n > fixedBody.length) {
                        // Grown as bytes arrive, never to the declared size up front: a thousand
                        // clients declaring 1 MiB and sending nothing must not cost a gigabyte.
                        fixedBody = java.util.Arrays.copyOf(fixedBody,
                                (int) Math.min(declaredLength, Math.max(2L * fixedBody.length, fixedFilled + n)));
                    }
                    in.get(fixedBody, fixedFilled, n);
                    fixedFilled += n;
                    bodyBytesSeen += n;
                    if (fixedFilled == declaredLength) {
                        state = State.DONE;
                        return Event.COMPLETE;
                    }
                }
                case CHUNK_SIZE, CHUNK_END, TRAILER -> {
                    Event e = chunkLine(in);
                    if (e != Event.NEED_MORE) {
                        return e;
                    }
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(in.remaining(), chunkRemaining);
                    if (chunkedBody.size() + n > maxBody) {
                        return bad(413, "the chunked body is larger than " + maxBody + " bytes");
                    }
                    chunkedBody.write(in.array(), in.arrayOffset() + in.position(), n);
                    in.position(in.position() + n);
                    chunkRemaining -= n;
                    bodyBytesSeen += n;
                    if (chunkRemaining == 0) {
                        state = State.CHUNK_END;
                    }
                }
                default -> {
                    return Event.COMPLETE;
                }
            }
        }
        return state == State.DONE ? Event.COMPLETE : Event.NEED_MORE;
    }

    private boolean endsWithBlankLine() {
        return tail == 0x0D0A0D0A || (tail & 0xFFFF) == 0x0A0A;
    }

    private Event parseHead() {
        // Stray CRLFs before a request line are allowed (RFC 9112 §2.2).
        String text = head.toString(StandardCharsets.ISO_8859_1).stripLeading();
        String[] lines = text.split("\r?\n");
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || requestLine[0].isEmpty() || !requestLine[1].startsWith("/")
                || !requestLine[2].startsWith("HTTP/1.")) {
            return bad(400, "the request line is not 'METHOD /path HTTP/1.x'");
        }
        method = requestLine[0];
        target = requestLine[1];
        Headers.Builder builder = Headers.builder();
        for (int i = 1; i < lines.length; i++) {
            String field = lines[i];
            if (field.isEmpty()) {
                continue;
            }
            int colon = field.indexOf(':');
            if (colon <= 0 || field.charAt(0) == ' ' || field.charAt(0) == '\t'
                    || field.charAt(colon - 1) == ' ') {
                return bad(400, "a header line is malformed or folded");
            }
            builder.add(field.substring(0, colon), field.substring(colon + 1).trim());
        }
        headers = builder.build();
        String connection = headers.first("Connection").orElse("").toLowerCase(Locale.ROOT);
        keepAlive = requestLine[2].equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
        List<String> encodings = headers.all("Transfer-Encoding");
        List<String> lengths = headers.all("Content-Length");
        if (!encodings.isEmpty()) {
            if (!lengths.isEmpty()) {
                return bad(400, "both Content-Length and Transfer-Encoding are present");
            }
            if (encodings.size() != 1 || !encodings.get(0).trim().equalsIgnoreCase("chunked")) {
                return bad(501, "only the chunked transfer coding is supported");
            }
            chunked = true;
            declaredLength = -1;
        } else {
            chunked = false;
            declaredLength = 0;
            for (String value : lengths) {
                long parsed = decimal(value.trim());
                if (parsed < 0 || (declaredLength > 0 && parsed != declaredLength)) {
                    return bad(400, "Content-Length is not one decimal number");
                }
                declaredLength = parsed;
            }
        }
        return Event.HEAD;
    }

    /**
     * After {@link Event#HEAD}: reads a body of at most {@code max} bytes. Returns
     * {@link Event#BAD} (413) if the declared length is already too large, {@link Event#COMPLETE}
     * if there is no body, else {@link Event#NEED_MORE}.
     */
    Event expectBody(int max) {
        maxBody = max;
        if (chunked) {
            chunkedBody = new ByteArrayOutputStream(Math.min(max, 8192));
            state = State.CHUNK_SIZE;
            return Event.NEED_MORE;
        }
        if (declaredLength > max) {
            return bad(413, "the declared body of " + declaredLength + " bytes is larger than " + max);
        }
        fixedBody = new byte[(int) Math.min(declaredLength, 8192)];
        fixedFilled = 0;
        state = declaredLength == 0 ? State.DONE : State.BODY;
        return declaredLength == 0 ? Event.COMPLETE : Event.NEED_MORE;
    }

    private Event chunkLine(ByteBuffer in) {
        while (in.hasRemaining()) {
            char c = (char) (in.get() & 0xff);
            if (c != '\n') {
                if (line.length() > 1024) {
                    return bad(400, "a chunk line is too long");
                }
                line.append(c);
                continue;
            }
            String text = line.toString().trim();
            line.setLength(0);
            switch (state) {
                case CHUNK_SIZE -> {
                    int semicolon = text.indexOf(';');
                    String hex = semicolon < 0 ? text : text.substring(0, semicolon).trim();
                    long size = hex.isEmpty() || hex.length() > 8 ? -1 : parseHex(hex);
                    if (size < 0) {
                        return bad(400, "a chunk size is not hexadecimal");
                    }
                    chunkRemaining = size;
                    state = size == 0 ? State.TRAILER : State.CHUNK_DATA;
                    return Event.NEED_MORE;
                }
                case CHUNK_END -> {
                    if (!text.isEmpty()) {
                        return bad(400, "a chunk does not end with CRLF");
                    }
                    state = State.CHUNK_SIZE;
                    return Event.NEED_MORE;
                }
                default -> {
                    if (text.isEmpty()) {
                        state = State.DONE;
                        return Event.COMPLETE;
                    }
                }
            }
        }
        return Event.NEED_MORE;
    }

    private static long parseHex(String hex) {
        long value = 0;
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static long decimal(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private Event bad(int status, String message) {
        badStatus = status;
        badMessage = message;
        return Event.BAD;
    }

    /** The request read so far, once {@link Event#COMPLETE}. */
    ParsedRequest request(java.net.InetSocketAddress local) {
        byte[] body = chunked ? chunkedBody.toByteArray() : fixedBody;
        return new ParsedRequest(method, target, headers, body == null ? new byte[0] : body, keepAlive, local);
    }

    String method() {
        return method;
    }

    String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    Headers headers() {
        return headers;
    }

    boolean expectsContinue() {
        return (chunked || declaredLength > 0)
                && headers.first("Expect").map(v -> v.equalsIgnoreCase("100-continue")).orElse(false);
    }

    boolean readingBody() {
        return state == State.BODY || state == State.CHUNK_SIZE || state == State.CHUNK_DATA
                || state == State.CHUNK_END || state == State.TRAILER;
    }

    /** Bytes held for the body so far (grows with what arrived, not with what was declared). */
    int bodyCapacity() {
        return chunked ? chunkedBody.size() : fixedBody == null ? 0 : fixedBody.length;
    }

    long bodyBytesSeen() {
        return bodyBytesSeen;
    }

    int badStatus() {
        return badStatus;
    }

    String badMessage() {
        return badMessage;
    }
}
