package dev.inlet.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A minimal HTTP/1.1 server on a loopback ephemeral port that owns its sockets, so that it can do
 * what the JDK's {@code HttpServer} cannot: reset a connection, cut a body at a byte, stall
 * mid-body. Keep-alive, {@code Content-Length} request bodies; one daemon thread per connection.
 */
final class LoopbackSocketServer implements AutoCloseable {

    /** Not HTTP: the same bytes every time, so a fault's effect is as repeatable as its plan. */
    private static final byte[] GARBAGE = "\u0000\u00ff lol \u0001\r\nnot a status line\u007f\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    /** A proper chunked 200 head, then a chunk size that is not hexadecimal. */
    private static final byte[] MALFORMED_CHUNK = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\nlol\r\n{\"data\":[\r\n").getBytes(StandardCharsets.ISO_8859_1);

    /** Longest request head accepted; beyond it the connection is closed (no unbounded buffering). */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** Largest request body accepted. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private final ServerSocket server;
    private final Function<RawRequest, RawResponse> handler;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);

    LoopbackSocketServer(Function<RawRequest, RawResponse> handler) {
        this.handler = handler;
        try {
            this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new FakeApiConfigException("FakeApi: cannot listen on a loopback port: " + e.getMessage(),
                    "check that the loopback interface is up", e);
        }
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "inlet-fake-" + server.getLocalPort());
            t.setDaemon(true);
            return t;
        });
        threads.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
            // Buffered so that the head and the body's start leave in one segment; faults flush where they cut.
            OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            while (true) {
                RawRequest request = read(in);
                if (request == null) {
                    return;
                }
                RawResponse response = handler.apply(request);
                if (!write(socket, out, response)) {
                    return;
                }
                if ("close".equalsIgnoreCase(request.header("connection"))) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or sent garbage: nothing to answer.
        } finally {
            open.remove(socket);
        }
    }

    /** The next request, or null at end of stream. */
    private static RawRequest read(InputStream in) throws IOException {
        String requestLine = line(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = line(in);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length < 2) {
            throw new IOException("bad request line");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int headBytes = requestLine.length();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            headBytes += h.length();
            if (headBytes > MAX_HEAD_BYTES) {
                throw new IOException("head too large");
            }
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(h.substring(colon + 1).trim());
            }
        }
        List<String> encoding = headers.get("transfer-encoding");
        byte[] body;
        if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else {
            List<String> length = headers.get("content-length");
            int n = length == null ? 0 : Integer.parseInt(length.get(0).trim());
            if (n < 0 || n > MAX_BODY_BYTES) {
                throw new IOException("body too large");
            }
            body = in.readNBytes(n);
        }
        return RawRequest.of(parts[0], parts[1], headers, body);
    }

    /** A chunked request body (RFC 9112 §7.1), at most {@link #MAX_BODY_BYTES}; trailers skipped. */
    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            if (sizeLine == null) {
                throw new IOException("chunked body ended early");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size < 0 || body.size() + size > MAX_BODY_BYTES) {
                throw new IOException("body too large");
            }
            if (size == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line(in); // the CRLF after the chunk
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String s = buf.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            if (buf.size() > MAX_HEAD_BYTES) {
                throw new IOException("line too long");
            }
            buf.write(b);
        }
        return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
    }

    /** Writes the response as its fault says; false when the connection must not be reused. */
    private boolean write(Socket socket, OutputStream out, RawResponse response) throws IOException {
        Fault fault = response.fault().orElse(null);
        Fault.Kind kind = fault == null ? null : fault.kind();
        if (kind == Fault.Kind.SLOW_FIRST_BYTE && pause(fault)) {
            return false;
        }
        if (kind == Fault.Kind.RESET_BEFORE_HEADERS) {
            reset(socket);
            return false;
        }
        if (kind == Fault.Kind.CLOSE_BEFORE_HEADERS || kind == Fault.Kind.GARBAGE_THEN_CLOSE
                || kind == Fault.Kind.MALFORMED_CHUNK) {
            out.write(kind == Fault.Kind.GARBAGE_THEN_CLOSE ? GARBAGE : kind == Fault.Kind.MALFORMED_CHUNK
                    ? MALFORMED_CHUNK : new byte[0]);
            out.flush();
            socket.shutdownOutput(); // FIN: the client reads what came, then the end
            return false;
        }
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(reason(response.status())).append("\r\n");
        response.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(response.body().length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (kind == Fault.Kind.RESET_AFTER_HEADERS) {
            out.flush();
            reset(socket);
            return false;
        }
        byte[] body = response.body();
        int half = body.length / 2;
        if (kind == Fault.Kind.TRUNCATED_BODY) {
            out.write(body, 0, half);
            out.flush();
            socket.shutdownOutput();
            return false;
        }
        if (kind == Fault.Kind.STALL_MID_BODY) {
            out.write(body, 0, half);
            out.flush();
            if (pause(fault)) {
                return false;
            }
            out.write(body, half, body.length - half);
        } else {
            out.write(body);
        }
        out.flush();
        return true;
    }

    /** Waits the fault's duration; true if the server closed meanwhile. */
    private boolean pause(Fault fault) {
        try {
            return closed.await(fault.duration().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void reset(Socket socket) throws SocketException {
        socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
