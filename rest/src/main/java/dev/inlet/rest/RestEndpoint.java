package dev.inlet.rest;

import dev.inlet.core.Headers;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.internal.Urls;
import dev.inlet.rest.decode.BodyDecoder;
import dev.inlet.rest.decode.BodyFormat;
import dev.inlet.rest.paginate.Paginator;
import dev.inlet.rest.paginate.StopCondition;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable description of a REST endpoint: where it is, how to ask it, where its records are
 * and how it pages. Built by {@link RestConnector.Builder}.
 *
 * @param baseUrl the base URL; its origin is the one credentials are bound to
 * @param path the path appended to the base URL
 * @param method GET or POST
 * @param body the request body (JSON text) for POST, or null
 * @param query the query parameters of the first request, in order
 * @param headers headers sent with every request
 * @param recordsPointer where the records array is in the body ({@code ""}: the body is the array)
 * @param paginator how the endpoint pages
 * @param stopConditions extra reasons to end paging
 * @param maxRecords the most records a run delivers (Long.MAX_VALUE: no limit)
 * @param format a forced body format, overriding the Content-Type
 * @param decoders the caller's decoder factories, asked before the built-ins
 * @param allowedOrigins other origins next-page URLs may point to
 * @param missingRecordsAsEmpty whether a body without the records path is an empty page
 * @param emptyBodyIsEmptyPage whether a 2xx with an empty body is an empty page
 * @param idempotent whether a POST may be retried without an idempotency key (a search is a read)
 * @param timeout a per-request timeout overriding the pipeline's, or null
 * @param absentMeansEnd whether a paging field (cursor, next link, flag, total) missing from a body
 *     reads as null rather than failing (see {@link dev.inlet.rest.paginate.PageFacts#pagingField})
 */
public record RestEndpoint(URI baseUrl, String path, String method, String body,
        List<Map.Entry<String, String>> query, Headers headers, String recordsPointer, Paginator paginator,
        List<StopCondition> stopConditions, long maxRecords, Optional<BodyFormat> format,
        List<BodyDecoder.Factory> decoders, Set<Origin> allowedOrigins, boolean missingRecordsAsEmpty,
        boolean emptyBodyIsEmptyPage, boolean idempotent, Duration timeout, boolean absentMeansEnd) {

    /** Copies the collections. */
    public RestEndpoint {
        query = List.copyOf(query);
        stopConditions = List.copyOf(stopConditions);
        decoders = List.copyOf(decoders);
        allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** The origin of the base URL. */
    public Origin origin() {
        return Origin.of(baseUrl);
    }

    /** Whether a URL may be requested: the endpoint's own origin, or one explicitly allowed. */
    public boolean allows(URI url) {
        Origin origin = Origin.of(url);
        return origin.equals(origin()) || allowedOrigins.contains(origin);
    }

    /** The request for the first page, before the paginator applies a position. */
    public Request firstRequest(String connector) {
        URI uri = Urls.withQueryParameters(join(baseUrl, path), query);
        Request.Builder builder = Request.builder(uri).headers(headers).connector(connector);
        if (body != null) {
            builder.method(method, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (!headers.contains("Content-Type")) {
                builder.header("Content-Type", "application/json");
            }
        } else {
            builder.method(method, null);
        }
        if (!headers.contains("Accept")) {
            builder.header("Accept", "application/json, application/x-ndjson;q=0.9, application/xml;q=0.8, "
                    + "text/csv;q=0.8, */*;q=0.1");
        }
        if (method.equals("POST") && idempotent) {
            builder.idempotent(true);
        }
        if (timeout != null) {
            builder.timeout(timeout);
        }
        return builder.build();
    }

    private static URI join(URI base, String path) {
        if (path == null || path.isEmpty()) {
            return base;
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String joined = (basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath)
                + (path.startsWith("/") ? path : "/" + path);
        return Urls.withRawQuery(URI.create(base.getScheme() + "://" + base.getRawAuthority() + joined),
                base.getRawQuery());
    }
}
