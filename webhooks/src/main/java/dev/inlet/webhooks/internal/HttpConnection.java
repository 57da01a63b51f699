package dev.inlet.webhooks.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection of {@link HttpLoop} and where it is: reading a request, waiting for a
 * worker, writing the response, or draining after an early error answer. Touched only by the
 * selector thread.
 */
final class HttpConnection {

    /** Where the connection is. */
    enum Phase { READ, PROCESS, WRITE, DRAIN }

    final SocketChannel channel;
    final InetAddress remote;
    final InetSocketAddress local;
    final RequestParser parser;
    /** Bytes read and not yet parsed; in write mode between reads. */
    final ByteBuffer in;
    SelectionKey key;
    ByteBuffer out;
    Phase phase = Phase.READ;
    boolean closeAfterWrite;
    /** System.nanoTime by which the current phase must end. */
    long deadline;
    long bodyStart;
    boolean closed;

    HttpConnection(SocketChannel channel, InetAddress remote, InetSocketAddress local, int maxHead) {
        this.channel = channel;
        this.remote = remote;
        this.local = local;
        this.parser = new RequestParser(maxHead);
        this.in = ByteBuffer.allocate(Math.max(8192, Math.min(maxHead, 1 << 16)));
    }
}
