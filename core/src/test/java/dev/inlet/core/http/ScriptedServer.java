package dev.inlet.core.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers with exactly the bytes a test scripts, to put a client's HTTP/1.1
 * parsing and connection handling through what the JDK {@code HttpServer} never sends: chunk extensions,
 * trailers, bodies that end with the connection, heads too large, connections closed between requests.
 */
final class ScriptedServer implements AutoCloseable {

    /** Answers the requests of one connection: reads them from {@code in}, writes the replies to {@code out}. */
    interface Script {
        void serve(Connection connection) throws IOException;
    }

    /** One accepted connection, with a reader of request heads and bodies. */
    static class Connection {
        final InputStream in;
        final OutputStream out;
        final Socket socket;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** The next request's head (up to the blank line), or null if the client closed. */
        String readHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                if (matched == 4) {
                    return head.toString(StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }

        byte[] readBody(int length) throws IOException {
            return in.readNBytes(length);
        }

        void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-server");
        t.setDaemon(true);
        return t;
    });
    final AtomicInteger connections = new AtomicInteger();
    final List<String> heads = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();

    ScriptedServer(Script script) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    connections.incrementAndGet();
                    threads.execute(() -> {
                        try (socket) {
                            script.serve(new Connection(socket) {
                                @Override
                                String readHead() throws IOException {
                                    String head = super.readHead();
                                    if (head != null) {
                                        heads.add(head);
                                    }
                                    return head;
                                }
                            });
                        } catch (IOException | RuntimeException e) {
                            failures.add(e);
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    String url(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }
}
