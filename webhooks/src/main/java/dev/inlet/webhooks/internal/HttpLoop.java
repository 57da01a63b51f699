package dev.inlet.webhooks.internal;

import dev.inlet.core.Headers;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** <b>Internal</b> (not API; see the package).
 * A small HTTP/1.1 server on one NIO selector thread: it accepts, reads request heads and bodies
 * without blocking, enforces {@link ConnectionLimits} (connections in all and per remote address,
 * a head deadline, a body deadline and minimum rate), and hands only <em>complete</em> requests to
 * a worker pool. A client that trickles bytes therefore holds a connection slot and a buffer, never
 * a thread, and is cut at its deadline; legitimate requests keep being served meanwhile. Responses
 * are written by the selector thread too, so a client that does not read cannot block a worker.
 * Keep-alive and pipelined requests are served one at a time per connection.
 */
public final class HttpLoop implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpLoop.class);
    private static final long SWEEP_NANOS = 100_000_000L;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** What the loop serves: endpoint lookup on the selector thread, handling on a worker. */
    public interface Exchange {
        /** The largest body accepted for this method and raw path, or -1 if nothing is there (404). */
        int maxBody(String method, String path);

        /**
         * The reply to a complete request, when it is decided; runs on a worker thread, which is free
         * once this returns (a reply completed later is written by the selector thread then).
         */
        CompletionStage<HttpReply> handle(ParsedRequest request);
    }

    private record Pending(HttpConnection conn, ByteBuffer bytes, boolean close) {
    }

    private final ConnectionLimits limits;
    private final Exchange exchange;
    private final ExecutorService workers;
    private final Selector selector;
    private final ServerSocketChannel server;
    private final Thread thread;
    private final Connections conns;
    private final ConcurrentLinkedQueue<Pending> replies = new ConcurrentLinkedQueue<>();
    private volatile long graceNanos = -1;
    private long lastSweep = System.nanoTime();

    /**
     * Binds {@code address} and starts the selector thread.
     *
     * @throws IOException if the address cannot be bound
     */
    public HttpLoop(InetSocketAddress address, int backlog, ConnectionLimits limits, ExecutorService workers,
            Exchange exchange, String threadName) throws IOException {
        this.limits = limits;
        this.conns = new Connections(limits);
        this.exchange = exchange;
        this.workers = workers;
        this.selector = Selector.open();
        try {
            this.server = ServerSocketChannel.open();
            server.bind(address, backlog);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            selector.close();
            throw e;
        }
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** The bound address. */
    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) server.getLocalAddress();
    }

    private void run() {
        try {
            long closingDeadline = 0;
            while (true) {
                selector.select(50);
                long now = System.nanoTime();
                if (graceNanos >= 0) {
                    if (server.isOpen()) {
                        server.close();
                        closingDeadline = now + graceNanos;
                    }
                    for (HttpConnection c : conns.all()) {
                        if (c.phase == HttpConnection.Phase.READ) {
                            close(c, null);
                        }
                    }
                    if (conns.isEmpty() || now - closingDeadline >= 0) {
                        break;
                    }
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        try {
                            accept(now);
                        } catch (IOException e) {
                            // E.g. out of file descriptors: refuse for now, keep serving the others.
                            LOG.warn("Webhook server could not accept a connection: {}", e.toString());
                        }
                        continue;
                    }
                    HttpConnection c = (HttpConnection) key.attachment();
                    try {
                        if (key.isReadable()) {
                            read(c, now);
                        } else if (key.isWritable()) {
                            write(c, now);
                        }
                    } catch (RuntimeException e) {
                        // One connection's failure must not stop the server for all the others.
                        LOG.warn("Webhook connection from {} failed; closing it", c.remote, e);
                        close(c, null);
                    }
                }
                selector.selectedKeys().clear();
                Pending p;
                while ((p = replies.poll()) != null) {
                    if (!p.conn.closed) {
                        try {
                            send(p.conn, p.bytes, p.close, now);
                        } catch (RuntimeException e) {
                            LOG.warn("Webhook connection from {} failed; closing it", p.conn.remote, e);
                            close(p.conn, null);
                        }
                    }
                }
                if (now - lastSweep >= SWEEP_NANOS) {
                    lastSweep = now;
                    sweep(now);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Webhook server loop failed; the server stops", e);
        } finally {
            for (HttpConnection c : conns.all()) {
                close(c, null);
            }
            closeQuietly(server);
            closeQuietly(selector);
        }
    }

    private void accept(long now) throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            conns.admit(channel, selector, now);
        }
    }

    private void read(HttpConnection c, long now) {
        if (c.phase == HttpConnection.Phase.DRAIN) {
            try {
                c.in.clear();
                if (c.channel.read(c.in) < 0) {
                    close(c, null);
                }
            } catch (IOException e) {
                close(c, null);
            }
            return;
        }
        int n;
        try {
            n = c.channel.read(c.in);
        } catch (IOException e) {
            close(c, null);
            return;
        }
        if (n < 0) {
            close(c, null);
            return;
        }
        c.in.flip();
        process(c, now);
        c.in.compact();
    }

    /** Parses what is buffered; {@code c.in} is in read mode. */
    private void process(HttpConnection c, long now) {
        while (c.phase == HttpConnection.Phase.READ) {
            RequestParser.Event event = c.parser.feed(c.in);
            switch (event) {
                case NEED_MORE -> {
                    return;
                }
                case HEAD -> {
                    int max = exchange.maxBody(c.parser.method(), c.parser.path());
                    if (max < 0) {
                        reply(c, 404, "no webhook endpoint at " + c.parser.path(), now);
                        return;
                    }
                    RequestParser.Event body = c.parser.expectBody(max);
                    if (body == RequestParser.Event.BAD) {
                        reply(c, c.parser.badStatus(), c.parser.badMessage(), now);
                        return;
                    }
                    if (body == RequestParser.Event.COMPLETE) {
                        dispatch(c);
                        return;
                    }
                    if (c.parser.expectsContinue()) {
                        writeBestEffort(c, CONTINUE);
                    }
                    c.bodyStart = now;
                    c.deadline = now + limits.bodyTimeout().toNanos();
                }
                case COMPLETE -> {
                    dispatch(c);
                    return;
                }
                default -> {
                    reply(c, c.parser.badStatus(), c.parser.badMessage(), now);
                    return;
                }
            }
        }
    }

    private void dispatch(HttpConnection c) {
        c.phase = HttpConnection.Phase.PROCESS;
        c.key.interestOps(0);
        ParsedRequest request = c.parser.request(c.local);
        try {
            workers.execute(() -> {
                CompletionStage<HttpReply> reply;
                try {
                    reply = exchange.handle(request);
                } catch (RuntimeException e) {
                    reply = CompletableFuture.failedFuture(e);
                }
                // The connection waits in PROCESS (no deadline, no thread) until the reply is decided.
                reply.whenComplete((r, failure) -> {
                    if (failure != null || r == null) {
                        LOG.error("Webhook request failed", failure);
                        r = new HttpReply(500, Headers.empty(), "internal error".getBytes(StandardCharsets.UTF_8));
                    }
                    replies.add(new Pending(c, r.encode(!request.keepAlive()), !request.keepAlive()));
                    selector.wakeup();
                });
            });
        } catch (RejectedExecutionException full) {
            HttpReply busy = new HttpReply(503, Headers.of("Retry-After", "1"), "busy".getBytes(StandardCharsets.UTF_8));
            send(c, busy.encode(true), true, System.nanoTime());
        }
    }

    /** An error reply from the selector thread; the connection closes after it (its body is unread). */
    private void reply(HttpConnection c, int status, String message, long now) {
        HttpReply r = new HttpReply(status, Headers.of("Content-Type", "text/plain; charset=utf-8"),
                message.getBytes(StandardCharsets.UTF_8));
        send(c, r.encode(true), true, now);
    }

    private void send(HttpConnection c, ByteBuffer bytes, boolean close, long now) {
        c.phase = HttpConnection.Phase.WRITE;
        c.out = bytes;
        c.closeAfterWrite = close;
        c.deadline = now + limits.headerTimeout().toNanos();
        write(c, now);
    }

    private void write(HttpConnection c, long now) {
        try {
            c.channel.write(c.out);
        } catch (IOException e) {
            close(c, null);
            return;
        }
        if (c.out.hasRemaining()) {
            c.key.interestOps(SelectionKey.OP_WRITE);
            return;
        }
        if (c.closeAfterWrite || graceNanos >= 0) {
            linger(c, now);
            return;
        }
        c.parser.reset();
        c.phase = HttpConnection.Phase.READ;
        c.out = null;
        c.deadline = now + limits.headerTimeout().toNanos();
        c.key.interestOps(SelectionKey.OP_READ);
        if (c.in.position() > 0) {
            // A pipelined request already arrived.
            c.in.flip();
            process(c, now);
            c.in.compact();
        }
    }

    /**
     * Closes after an answer sent before the request was read to its end (413, 404, 400): the
     * output is shut down and what the client still sends is read and discarded for a short,
     * bounded while, so that closing does not reset the connection before the client read the
     * answer.
     */
    private void linger(HttpConnection c, long now) {
        if (!c.parser.readingBody() || graceNanos >= 0) {
            close(c, null);
            return;
        }
        try {
            c.channel.shutdownOutput();
        } catch (IOException e) {
            close(c, null);
            return;
        }
        c.phase = HttpConnection.Phase.DRAIN;
        c.deadline = now + Math.min(limits.headerTimeout().toNanos(), 1_000_000_000L);
        c.in.clear();
        c.key.interestOps(SelectionKey.OP_READ);
    }

    private void writeBestEffort(HttpConnection c, byte[] bytes) {
        try {
            c.channel.write(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            close(c, null);
        }
    }

    private void sweep(long now) {
        conns.sweep(now);
    }

    private void close(HttpConnection c, String why) {
        conns.close(c, why);
    }

    /**
     * Stops accepting, closes connections that are reading or idle, lets requests being handled or
     * answered finish for up to {@code grace}, then closes everything and returns.
     */
    public void close(java.time.Duration grace) {
        graceNanos = Math.max(0, grace.toNanos());
        selector.wakeup();
        try {
            thread.join(grace.toMillis() + 5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(java.time.Duration.ZERO);
    }

    private static void closeQuietly(Closeable closeable) {
        Connections.closeQuietly(closeable);
    }
}
