package dev.inlet.core.http;

import dev.inlet.core.Headers;
import dev.inlet.core.http.internal.wire.WireClient;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * A {@link Transport} that speaks HTTP/1.1 on blocking sockets and reads the body on the calling thread,
 * as OkHttp does: no hand-off between a selector thread and the reader per buffer, which is where the
 * JDK client spends most of its time on a fast connection (the paging benchmark reads loopback pages
 * about twice as fast this way), and a waiting request costs a virtual thread only its stack.
 *
 * <p>What it does: keep-alive connections pooled per origin; {@code Content-Length}, chunked and
 * until-close bodies; TLS with host-name verification and SNI; connect and response-head timeouts;
 * interruptible waits; a request on a pooled connection the server had closed sent once more on a new
 * one; limits on the response head (64 KiB a line, 256 KiB and 500 fields in all) so a hostile server
 * cannot fill the heap. What it leaves to {@link Transport#jdk()}: HTTP/2, and requests the system's
 * {@link ProxySelector} sends through a proxy — those are passed to the JDK client (which uses the
 * same selector). Redirects are never followed (the pipeline follows them, re-checking credentials).
 *
 * <p>Immutable and thread-safe; share one (each has its own pool). Built by {@link #builder()};
 * {@link Transport#sockets()} is a shared one with the defaults.
 */
public final class SocketTransport implements Transport, AutoCloseable {

    /** Headers the transport writes itself and refuses from callers, as the JDK client does. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");
    private static final String USER_AGENT = "Inlet";

    static final SocketTransport DEFAULT = builder().build();

    private final WireClient wire;
    private final Duration connectTimeout;
    private final int maxIdlePerOrigin;
    private final Duration idleTimeout;
    private final ProxySelector proxies;
    private final Transport proxied;
    private final Map<String, Boolean> directByOrigin = new ConcurrentHashMap<>();

    private SocketTransport(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.maxIdlePerOrigin = builder.maxIdlePerOrigin;
        this.idleTimeout = builder.idleTimeout;
        this.proxies = ProxySelector.getDefault();
        this.proxied = JdkTransport.withConnectTimeout(builder.connectTimeout);
        this.wire = new WireClient(connectTimeout, builder.sslContext().getSocketFactory(), maxIdlePerOrigin,
                idleTimeout);
    }

    /** A builder with the defaults listed on its methods. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Response send(Request request, Duration timeout) throws IOException {
        URI uri = request.uri();
        if (!direct(uri)) {
            return proxied.send(request, timeout);
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        boolean[] hasAgent = new boolean[1];
        request.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!RESTRICTED.contains(lower)) {
                fields.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
                hasAgent[0] |= lower.equals("user-agent");
            }
        });
        if (!hasAgent[0]) {
            fields.add(new AbstractMap.SimpleImmutableEntry<>("User-Agent", USER_AGENT));
        }
        Instant sentAt = Instant.now();
        long start = System.nanoTime();
        WireClient.Exchange exchange = wire.send(request.method().toUpperCase(Locale.ROOT), uri, fields,
                request.rawBody(), timeout, request.redactedUri());
        return new Response(request, exchange.status(), Headers.of(exchange.headers()), exchange.body(), sentAt,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Whether the system's proxy selector sends this origin direct (asked once per origin). */
    private boolean direct(URI uri) {
        if (proxies == null) {
            return true;
        }
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        Boolean direct = directByOrigin.get(origin);
        if (direct == null) {
            List<Proxy> chosen;
            try {
                chosen = proxies.select(uri);
            } catch (RuntimeException unusable) {
                chosen = List.of(Proxy.NO_PROXY);
            }
            direct = chosen == null || chosen.isEmpty() || chosen.get(0).type() == Proxy.Type.DIRECT;
            if (directByOrigin.size() < 1024) {
                directByOrigin.put(origin, direct);
            }
        }
        return direct;
    }

    /**
     * Closes the idle pooled connections (connections in use close when their bodies do). The transport
     * stays usable: later requests open new connections. So a caller can release what the shared
     * {@link Transport#sockets()} keeps open, for example between bursts of many connections.
     */
    @Override
    public void close() {
        wire.close();
    }

    /** Idle connections in the pool (for tests and diagnostics). */
    int idleConnections() {
        return wire.idleConnections();
    }

    @Override
    public String toString() {
        return "SocketTransport[connectTimeout=" + connectTimeout + ", maxIdlePerOrigin=" + maxIdlePerOrigin
                + ", idleTimeout=" + idleTimeout + "]";
    }

    /** Builds a {@link SocketTransport}; not thread-safe. */
    public static final class Builder {
        private Duration connectTimeout = JdkTransport.DEFAULT_CONNECT_TIMEOUT;
        private int maxIdlePerOrigin = 64;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private SSLContext sslContext;

        private Builder() {
        }

        /**
         * How long to wait for the TCP and TLS handshakes; default 10 seconds.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * The most idle connections kept per origin; default 64 (beyond that a finished connection closes).
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder maxIdlePerOrigin(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("SocketTransport.maxIdlePerOrigin must not be negative, got " + max);
            }
            this.maxIdlePerOrigin = max;
            return this;
        }

        /**
         * How long an idle connection may wait for its next request before it is closed instead of reused;
         * default 30 seconds (servers commonly close idle connections after 60 s or more).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /** The TLS context (trust, client certificates); default {@link SSLContext#getDefault()}. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "sslContext");
            return this;
        }

        SSLContext sslContext() {
            if (sslContext != null) {
                return sslContext;
            }
            try {
                return SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no default TLS context in this JVM: give SocketTransport one", e);
            }
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("SocketTransport." + name + " must be positive, was " + value);
            }
            return value;
        }

        /** The transport. */
        public SocketTransport build() {
            return new SocketTransport(this);
        }
    }
}
