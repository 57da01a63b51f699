package dev.inlet.bench.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal HTTP/1.1 server on a loopback ephemeral port, for benchmarks: one thread per connection,
 * keep-alive, {@code Content-Length} bodies, no parsing beyond the request line and the
 * headers it needs. It does as little work per request as a server can, so that what a benchmark
 * measures is the client; every client of one benchmark talks to the same server code and bytes.
 */
public final class LoopbackServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Handler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private LoopbackServer(Handler handler) throws IOException {
        this.handler = handler;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        this.acceptor = new Thread(this::accept, "bench-server-accept");
        acceptor.setDaemon(true);
    }

    /** Starts a server answering every request with the handler. */
    public static LoopbackServer start(Handler handler) throws IOException {
        LoopbackServer server = new LoopbackServer(handler);
        server.acceptor.start();
        return server;
    }

    /** {@code http://127.0.0.1:port}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** The bound port. */
    public int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                return;
            }
            open.add(connection);
            Thread worker = new Thread(() -> serve(connection), "bench-server-conn");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(connection.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(connection.getOutputStream(), 64 * 1024);
            while (!closed) {
                Exchange exchange = Exchange.read(in);
                if (exchange == null) {
                    return;
                }
                Reply reply;
                try {
                    reply = handler.handle(exchange);
                } catch (RuntimeException e) {
                    reply = Reply.text(500, "handler failed: " + e);
                }
                if (reply.abort()) {
                    return;
                }
                write(out, reply, exchange.keepAlive());
                if (!exchange.keepAlive() || reply.cutAfter() > 0) {
                    return;
                }
            }
        } catch (SocketException e) {
            // The client went away (or close() closed the socket): nothing to answer.
        } catch (IOException e) {
            // A broken connection ends this worker; the client sees the failure.
        } finally {
            open.remove(connection);
        }
    }

    private static void write(OutputStream out, Reply reply, boolean keepAlive) throws IOException {
        StringBuilder head = new StringBuilder(160).append("HTTP/1.1 ").append(reply.status()).append(' ')
                .append(reason(reply.status())).append("\r\n");
        for (String[] header : reply.headers()) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        }
        long length = 0;
        for (byte[] part : reply.parts()) {
            length += part.length;
        }
        head.append("Content-Length: ").append(length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        long left = reply.cutAfter() > 0 ? reply.cutAfter() : Long.MAX_VALUE;
        for (byte[] part : reply.parts()) {
            int n = (int) Math.min(part.length, left);
            out.write(part, 0, n);
            left -= n;
            if (left == 0) {
                break;
            }
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a listening socket twice, or after a failure, has nothing more to release.
        }
        for (Socket connection : open) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // Same: the connection is gone either way.
            }
        }
    }

    /** Answers one request. Called on the connection's thread; must be thread-safe. */
    @FunctionalInterface
    public interface Handler {
        /** The reply to the exchange. */
        Reply handle(Exchange exchange);
    }
}
