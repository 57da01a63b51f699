package dev.inlet.webhooks.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open connections of an {@link HttpLoop} and the {@link ConnectionLimits} on them: admission
 * (in all and per remote address; beyond, 503 and close), the deadlines and the minimum body rate
 * checked by {@link #sweep(long)}, and closing. Used by the selector thread only.
 */
final class Connections {

    private static final Logger LOG = LoggerFactory.getLogger(HttpLoop.class);
    private static final long RATE_GRACE_NANOS = 1_000_000_000L;
    private static final byte[] BUSY = ("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n"
            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ConnectionLimits limits;
    private final Set<HttpConnection> open = new HashSet<>();
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();

    Connections(ConnectionLimits limits) {
        this.limits = limits;
    }

    /** Registers {@code channel} for reading, or refuses it with 503 when over a limit. */
    void admit(SocketChannel channel, Selector selector, long now) throws IOException {
        InetAddress remote = ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
        int fromThere = perAddress.getOrDefault(remote, 0);
        if (open.size() >= limits.maxConnections() || fromThere >= limits.maxConnectionsPerAddress()) {
            LOG.debug("Refusing a connection from {}: {} open from there, {} in all", remote, fromThere, open.size());
            channel.configureBlocking(false);
            try {
                channel.write(ByteBuffer.wrap(BUSY));
                // Whatever already arrived is read, so the close is less likely to be a reset.
                channel.read(ByteBuffer.allocate(4096));
            } catch (IOException gone) {
                // Refused either way.
            }
            closeQuietly(channel);
            return;
        }
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        HttpConnection c = new HttpConnection(channel, remote, (InetSocketAddress) channel.getLocalAddress(),
                limits.maxHeadBytes());
        c.key = channel.register(selector, SelectionKey.OP_READ, c);
        c.deadline = now + limits.headerTimeout().toNanos();
        open.add(c);
        perAddress.merge(remote, 1, Integer::sum);
    }

    /** Closes the connections past their deadline or below the minimum body rate. */
    void sweep(long now) {
        List<HttpConnection> late = new ArrayList<>();
        for (HttpConnection c : open) {
            if (c.phase == HttpConnection.Phase.PROCESS) {
                continue;
            }
            if (now - c.deadline >= 0) {
                late.add(c);
            } else if (c.phase == HttpConnection.Phase.READ && c.parser.readingBody() && now - c.bodyStart > RATE_GRACE_NANOS) {
                long required = limits.minBodyBytesPerSecond() * (now - c.bodyStart - RATE_GRACE_NANOS) / 1_000_000_000L;
                if (c.parser.bodyBytesSeen() < required) {
                    late.add(c);
                }
            }
        }
        for (HttpConnection c : late) {
            close(c, c.phase == HttpConnection.Phase.WRITE ? "response not read in time"
                    : c.parser.readingBody() ? "body too slow" : "request head not complete in time");
        }
    }

    /** Closes {@code c} (once), logging {@code why} unless null. */
    void close(HttpConnection c, String why) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        if (why != null) {
            LOG.debug("Closing a connection from {}: {}", c.remote, why);
        }
        open.remove(c);
        perAddress.computeIfPresent(c.remote, (a, n) -> n == 1 ? null : n - 1);
        if (c.key != null) {
            c.key.cancel();
        }
        closeQuietly(c.channel);
    }

    /** A copy of the open connections. */
    List<HttpConnection> all() {
        return List.copyOf(open);
    }

    boolean isEmpty() {
        return open.isEmpty();
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }
}
