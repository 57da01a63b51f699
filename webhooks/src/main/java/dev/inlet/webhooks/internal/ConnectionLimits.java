package dev.inlet.webhooks.internal;

import java.time.Duration;

/** <b>Internal</b> (not API; see the package).
 * What one connection and one client may cost {@link HttpLoop}: how many connections in all and per
 * remote address, how long the request head may take (also the keep-alive idle time and the time to
 * write a response), how long a body may take and the slowest rate it may trickle at after the first
 * second, and the largest request head.
 */
public record ConnectionLimits(int maxConnections, int maxConnectionsPerAddress, Duration headerTimeout,
        Duration bodyTimeout, int minBodyBytesPerSecond, int maxHeadBytes) {
}
