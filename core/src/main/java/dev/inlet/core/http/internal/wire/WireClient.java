package dev.inlet.core.http.internal.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * HTTP/1.1 exchanges on blocking sockets with a keep-alive pool. Sockets come from a
 * {@link SocketChannel} in blocking mode, so a blocked read is interruptible (the interrupt closes the
 * connection) and costs a virtual thread nothing but its stack while it waits. TLS verifies the host
 * name ({@code HTTPS} endpoint identification) and sends SNI. A pooled connection the server closed
 * meanwhile is detected when a request on it gets no byte back; an idempotent request (RFC 9110: GET,
 * HEAD, OPTIONS, TRACE, PUT, DELETE) is then sent once more on a new connection, as the JDK client does.
 * Others fail, for the pipeline's retry policy to decide (a POST is re-sent only with an idempotency
 * key). Thread-safe.
 */
public final class WireClient implements AutoCloseable {

    private static final java.util.Set<String> IDEMPOTENT = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT",
            "DELETE");

    private final long connectTimeoutMillis;
    private final SSLSocketFactory tls;
    private final ConnectionPool pool;

    /** The response head and its streaming body (read it to its end or close it to free the connection). */
    public record Exchange(int status, Map<String, List<String>> headers, InputStream body) {
    }

    public WireClient(Duration connectTimeout, SSLSocketFactory tls, int maxIdlePerOrigin, Duration idleTimeout) {
        this.connectTimeoutMillis = Math.max(1, connectTimeout.toMillis());
        this.tls = tls;
        this.pool = new ConnectionPool(maxIdlePerOrigin, idleTimeout.toNanos());
    }

    /**
     * Sends one request and reads the response head.
     *
     * @param headers the request's fields, names and values checked here (no line breaks)
     * @param body the request body, or null for none
     * @param timeout how long until the response head must have arrived
     * @param what the request as messages name it (its URL without secrets)
     */
    public Exchange send(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body,
            Duration timeout, String what) throws IOException {
        Origin origin = originOf(uri);
        byte[] head = RequestHead.encode(method, uri, origin, headers, body);
        long deadline = System.nanoTime() + timeout.toNanos();
        WireConnection connection = pool.take(origin);
        boolean retried = !IDEMPOTENT.contains(method); // a non-idempotent request is never re-sent here
        while (true) {
            if (connection == null) {
                connection = connect(origin, deadline, what);
            }
            boolean reused = connection.reused;
            try {
                Exchange exchange = exchange(connection, method, head, body, deadline, what);
                if (exchange != null) {
                    return exchange;
                }
                connection.close();
                if (!reused || retried) {
                    throw new IOException("the server closed the connection without answering " + what);
                }
            } catch (ClosedByInterruptException interrupted) {
                connection.close();
                InterruptedIOException e = new InterruptedIOException("interrupted while waiting for " + what);
                e.initCause(new InterruptedException());
                throw e;
            } catch (SocketTimeoutException late) {
                connection.close();
                throw new HttpTimeoutException("no response head from " + what + " within " + timeout.toMillis()
                        + " ms (request timeout)");
            } catch (WireProtocolException broken) {
                connection.close();
                throw broken;
            } catch (IOException failure) {
                connection.close();
                if (!reused || retried || connection.sawBytes) {
                    throw failure;
                }
            }
            // A pooled connection the server had closed: once more on a new one.
            retried = true;
            connection = null;
        }
    }

    /** Writes the request and reads the head; null if the connection closed before any byte came back. */
    private Exchange exchange(WireConnection connection, String method, byte[] head, byte[] body, long deadline,
            String what) throws IOException {
        connection.sawBytes = false;
        OutputStream out = connection.output();
        if (body == null || body.length == 0 || head.length + body.length > 16 * 1024) {
            out.write(head);
            if (body != null && body.length > 0) {
                out.write(body);
            }
        } else { // one write, one packet, for small requests
            byte[] all = new byte[head.length + body.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            out.write(all);
        }
        out.flush();
        connection.startHead(deadline);
        ResponseHead response = ResponseHead.read(connection, what);
        if (response == null) {
            return null;
        }
        connection.endHead();
        return new Exchange(response.status(), response.fields(), body(connection, method, response, what));
    }

    private InputStream body(WireConnection connection, String method, ResponseHead head, String what)
            throws WireProtocolException {
        boolean keepAlive = !head.http10() && !head.tokens("connection").contains("close");
        Bodies.Finish finish = reusable -> {
            if (reusable && keepAlive && !connection.isClosed()) {
                pool.put(connection);
            } else {
                connection.close();
            }
        };
        int status = head.status();
        if (method.equals("HEAD") || status == 204 || status == 304) {
            return Bodies.empty(finish);
        }
        List<String> codings = head.tokens("transfer-encoding");
        if (!codings.isEmpty()) {
            if (!codings.get(codings.size() - 1).equals("chunked")) {
                return new Bodies.UntilClose(connection, what, finish);
            }
            return new ChunkedBody(connection, what, finish);
        }
        List<String> lengths = head.fields().get("content-length");
        if (lengths == null) {
            return new Bodies.UntilClose(connection, what, finish);
        }
        long length = -1;
        for (String value : lengths) {
            for (String part : value.split(",")) {
                long parsed = parseLength(part.strip(), what);
                if (length >= 0 && parsed != length) {
                    throw new WireProtocolException("conflicting Content-Length values in the response to " + what);
                }
                length = parsed;
            }
        }
        return new Bodies.Fixed(connection, length, what, finish);
    }

    private static long parseLength(String value, String what) throws WireProtocolException {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            throw new WireProtocolException("a malformed Content-Length in the response to " + what + ": "
                    + ResponseHead.excerpt(value));
        }
        return Long.parseLong(value);
    }

    private WireConnection connect(Origin origin, long deadline, String what) throws IOException {
        long left = Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        int timeout = (int) Math.min(Math.min(connectTimeoutMillis, left), Integer.MAX_VALUE);
        SocketChannel channel = SocketChannel.open();
        Socket socket = channel.socket();
        try {
            socket.setTcpNoDelay(true);
            String host = origin.host().startsWith("[") ? origin.host().substring(1, origin.host().length() - 1)
                    : origin.host();
            socket.connect(new InetSocketAddress(host, origin.port()), timeout);
            if (!origin.tls()) {
                return new WireConnection(origin, socket);
            }
            SSLSocket secure = (SSLSocket) tls.createSocket(socket, host, origin.port(), true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            secure.setSSLParameters(parameters);
            secure.setSoTimeout(timeout);
            secure.startHandshake();
            secure.setSoTimeout(0);
            return new WireConnection(origin, secure);
        } catch (SocketTimeoutException slow) {
            socket.close();
            throw new HttpConnectTimeoutException("no connection to " + origin + " within " + timeout + " ms (connect "
                    + "timeout) for " + what);
        } catch (ClosedByInterruptException interrupted) {
            socket.close();
            InterruptedIOException e = new InterruptedIOException("interrupted while connecting for " + what);
            e.initCause(new InterruptedException());
            throw e;
        } catch (IOException | RuntimeException failure) {
            socket.close();
            throw failure;
        }
    }

    static Origin originOf(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http or https URL: " + scheme + "://…");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("a URL without a host: " + scheme + "://…");
        }
        boolean secure = scheme.equals("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
        return new Origin(secure, uri.getHost().toLowerCase(Locale.ROOT), port);
    }

    /** How many idle connections the pool holds (tests). */
    public int idleConnections() {
        return pool.idleCount();
    }

    @Override
    public void close() {
        pool.closeAll();
    }
}
