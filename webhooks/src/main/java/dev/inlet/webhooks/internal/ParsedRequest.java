package dev.inlet.webhooks.internal;

import dev.inlet.core.Headers;
import java.net.InetSocketAddress;

/** <b>Internal</b> (not API; see the package).
 * One HTTP/1.1 request as read by {@link HttpLoop}: method, raw request target, headers, the raw
 * body (de-chunked), whether the connection may be kept alive, and the local address it came in on.
 */
public record ParsedRequest(String method, String target, Headers headers, byte[] body, boolean keepAlive,
        InetSocketAddress localAddress) {

    /** The raw path of the target, without the query. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The raw query, or null. */
    public String query() {
        int q = target.indexOf('?');
        return q < 0 ? null : target.substring(q + 1);
    }
}
