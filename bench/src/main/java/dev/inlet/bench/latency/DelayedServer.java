package dev.inlet.bench.latency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A loopback HTTP/1.1 server that answers every {@code GET ...?page=N} after a fixed delay, on one
 * selector thread: the requests it holds cost a socket and a queue entry each, not a thread. Why not the
 * JDK {@code HttpServer} with a sleeping handler: with thousands of connections its dispatcher, not the
 * client, set the pace (1,000 sources reached 0.09 of the ideal rate, in bursts a second apart), so the
 * benchmark measured the server. Keep-alive, no pipelining, no request bodies: what the benchmark's
 * clients send.
 */
final class DelayedServer implements AutoCloseable {

    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final long delayNanos;
    private final IntFunction<byte[]> pageBody;
    private final ArrayDeque<Due> due = new ArrayDeque<>();
    private final Thread loop;
    private volatile boolean closed;
    final AtomicInteger waiting = new AtomicInteger();
    final AtomicInteger maxWaiting = new AtomicInteger();
    private volatile int threshold = Integer.MAX_VALUE;
    private volatile CompletableFuture<Void> reachedThreshold = new CompletableFuture<>();
    /** Set by {@link #closeConnections()}; the selector thread closes them and completes it with the count. */
    private volatile CompletableFuture<Integer> closeRequest;

    /** A response to write once its time has come. */
    private record Due(long atNanos, SelectionKey key, ByteBuffer response) {
    }

    /** A connection's unparsed request bytes and the response still being written. */
    private static final class Connection {
        ByteBuffer in = ByteBuffer.allocate(1024);
        ByteBuffer out;
    }

    DelayedServer(long delayMillis, IntFunction<byte[]> pageBody) throws IOException {
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
        this.pageBody = pageBody;
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16_384);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        loop = new Thread(this::serve, "delayed-server");
        loop.setDaemon(true);
        loop.start();
    }

    /** A future that completes the first time {@code threshold} requests wait at once; resets the maximum. */
    CompletableFuture<Void> whenWaiting(int threshold) {
        reachedThreshold = new CompletableFuture<>();
        maxWaiting.set(0);
        this.threshold = threshold;
        return reachedThreshold;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + listener.socket().getLocalPort();
    }

    private void serve() {
        try {
            while (!closed) {
                Due head = due.peek();
                if (head == null) {
                    selector.select();
                } else {
                    long wait = head.atNanos - System.nanoTime();
                    if (wait > 500_000) {
                        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
                    } else {
                        selector.selectNow();
                    }
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
                CompletableFuture<Integer> closing = closeRequest;
                if (closing != null) {
                    closeRequest = null;
                    closing.complete(closeAccepted());
                }
                long now = System.nanoTime();
                while (!due.isEmpty() && due.peek().atNanos - now <= 0) {
                    Due d = due.poll();
                    waiting.decrementAndGet();
                    respond(d.key, d.response);
                }
            }
        } catch (IOException e) {
            if (!closed) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Closes every connection this server accepted (on its selector thread, between rounds: no request
     * should be waiting) and completes with how many it closed; the clients see them closed. So one
     * contender's idle keep-alive connections, on both sides, do not stay open while the next one opens
     * its own.
     */
    CompletableFuture<Integer> closeConnections() {
        CompletableFuture<Integer> closing = new CompletableFuture<>();
        closeRequest = closing;
        selector.wakeup();
        return closing;
    }

    private int closeAccepted() throws IOException {
        int closedNow = 0;
        for (SelectionKey key : selector.keys()) {
            if (key.channel() instanceof SocketChannel && key.isValid()) {
                key.cancel();
                key.channel().close();
                closedNow++;
            }
        }
        int before = due.size();
        due.removeIf(d -> !d.key.isValid());
        waiting.addAndGet(due.size() - before);
        return closedNow;
    }

    private void handle(SelectionKey key) throws IOException {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            SocketChannel channel;
            while ((channel = listener.accept()) != null) {
                channel.configureBlocking(false);
                channel.socket().setTcpNoDelay(true);
                channel.register(selector, SelectionKey.OP_READ, new Connection());
            }
            return;
        }
        Connection c = (Connection) key.attachment();
        if (key.isWritable()) {
            write(key, c);
            return;
        }
        if (key.isReadable()) {
            read(key, c);
        }
    }

    private void read(SelectionKey key, Connection c) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        int n;
        try {
            n = channel.read(c.in);
        } catch (IOException reset) {
            n = -1;
        }
        if (n < 0) {
            key.cancel();
            channel.close();
            return;
        }
        int end = indexOf(c.in, END_OF_HEAD);
        if (end < 0) {
            if (!c.in.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(c.in.capacity() * 2);
                c.in.flip();
                bigger.put(c.in);
                c.in = bigger;
            }
            return;
        }
        String head = new String(c.in.array(), 0, end, StandardCharsets.ISO_8859_1);
        c.in.clear();
        byte[] body = pageBody.apply(page(head));
        byte[] start = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer response = ByteBuffer.allocate(start.length + body.length).put(start).put(body).flip();
        due.add(new Due(System.nanoTime() + delayNanos, key, response));
        int now = waiting.incrementAndGet();
        if (now > maxWaiting.get()) {
            maxWaiting.set(now);
        }
        if (now >= threshold) {
            reachedThreshold.complete(null);
        }
    }

    private static int page(String head) {
        int line = head.indexOf("\r\n");
        String target = head.substring(0, line < 0 ? head.length() : line);
        int at = target.indexOf("page=");
        if (at < 0) {
            return 0;
        }
        int from = at + 5;
        int to = from;
        while (to < target.length() && Character.isDigit(target.charAt(to))) {
            to++;
        }
        return Integer.parseInt(target.substring(from, to));
    }

    private void respond(SelectionKey key, ByteBuffer response) throws IOException {
        if (!key.isValid()) {
            return;
        }
        Connection c = (Connection) key.attachment();
        c.out = response;
        write(key, c);
    }

    private static void write(SelectionKey key, Connection c) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        try {
            channel.write(c.out);
        } catch (IOException reset) {
            key.cancel();
            channel.close();
            return;
        }
        key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private static int indexOf(ByteBuffer buffer, byte[] needle) {
        byte[] a = buffer.array();
        for (int i = 0; i + needle.length <= buffer.position(); i++) {
            int j = 0;
            while (j < needle.length && a[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }
}
