package dev.inlet.testkit;

import java.util.List;
import java.util.Map;

/**
 * One request a {@link FakeApi} received, as kept for assertions: secrets (the required credential,
 * {@code Authorization}, {@code Cookie}, {@code Proxy-Authorization} and API-key-like headers and
 * parameters) are replaced by {@code ***}. Immutable.
 *
 * @param index the request's number, from 0, in order of arrival (the number its {@link FaultPlan} used)
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the decoded query parameters (first value of each), masked
 * @param headers the headers, names in lower case, masked
 * @param body the body as UTF-8 text, masked
 * @param status the status answered, or 0 when a fault reset the connection before one
 * @param fault the fault applied, or {@code "ok"}
 * @param matched false when the request named no resource of the fake (it got 404)
 */
public record RecordedRequest(long index, String method, String path, Map<String, String> query,
        Map<String, List<String>> headers, String body, int status, String fault, boolean matched) {

    /** Copies the collections. */
    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** One line: {@code #3 GET /records?offset=20&limit=10 -> 503 STATUS(503)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("#").append(index).append(' ').append(method).append(' ').append(path);
        if (!query.isEmpty()) {
            sb.append('?');
            new java.util.TreeMap<>(query).forEach((k, v) -> sb.append(k).append('=').append(v).append('&'));
            sb.setLength(sb.length() - 1);
        }
        sb.append(" -> ").append(status == 0 ? "no status" : String.valueOf(status));
        if (!"ok".equals(fault)) {
            sb.append(' ').append(fault);
        }
        if (!matched) {
            sb.append(" (unmatched)");
        }
        return sb.toString();
    }
}
