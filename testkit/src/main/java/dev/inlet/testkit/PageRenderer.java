package dev.inlet.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Cuts one page out of the records for a request, in the fake's paging style. */
final class PageRenderer {

    private static final byte[] DATA_OPEN = "{\"data\":[".getBytes(StandardCharsets.US_ASCII);

    private final Paging paging;
    private final int pageSize;
    private final int maxPageSize;

    private final CostBucket bucket;
    private final PageBodyCache cache = new PageBodyCache();
    /** Pages are a bare JSON array (GitHub's shape) rather than {@code {"data":[…],…}}. */
    private final boolean arrayBody;

    PageRenderer(Paging paging, int pageSize, int maxPageSize, CostBucket bucket, boolean arrayBody) {
        this.bucket = bucket;
        this.arrayBody = arrayBody;
        this.paging = paging;
        this.pageSize = pageSize;
        this.maxPageSize = maxPageSize;
    }

    boolean isGraphQl() {
        return paging.style() == Paging.Style.RELAY;
    }

    /** The page for {@code request}, or a 400 naming the bad parameter. */
    RawResponse render(RawRequest request, List<JsonNode> records, IntFunction<byte[]> recordBytes, String baseUrl,
            Optional<Fault> fault) {
        int size;
        int start;
        try {
            size = size(request);
            start = start(request, records, size);
        } catch (IllegalArgumentException e) {
            ObjectNode error = RecordSet.JSON.createObjectNode().put("error", e.getMessage());
            return RawResponse.json(400, RecordSet.JSON.writeValueAsBytes(error));
        }
        int end = Math.min(records.size(), start + size);
        List<Integer> indices = new ArrayList<>();
        for (int i = Math.min(start, end); i < end; i++) {
            indices.add(i);
        }
        Fault.Kind kind = fault.map(Fault::kind).orElse(null);
        if (kind == Fault.Kind.DUPLICATE_BOUNDARY_RECORD && start > 0 && start <= records.size()) {
            indices.add(0, start - 1);
        } else if (kind == Fault.Kind.MISSING_BOUNDARY_RECORD && start > 0 && !indices.isEmpty()) {
            indices.remove(0);
        }
        boolean more = end < records.size();
        String next = more ? nextToken(records, end) : null;

        if (paging.style() == Paging.Style.RELAY) {
            double left = bucket == null ? 1000.0 - (indices.size() + 2) : bucket.charge(size + 2);
            if (left < 0) {
                return RawResponse.json(200, RecordSet.JSON.writeValueAsBytes(throttled(size + 2)));
            }
            List<JsonNode> page = indices.stream().map(records::get).toList();
            return RawResponse.json(200, RecordSet.JSON.writeValueAsBytes(
                    relay(page, start, size, more, records.size(), left)));
        }
        // The records' bytes are rendered once per version of the set; the page only joins them.
        ObjectNode body = RecordSet.JSON.createObjectNode();
        body.put("total", records.size());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        switch (paging.style()) {
            // The last page says so with an explicit null: Inlet takes an absent cursor for a wrong
            // pointer, not an end (an API that leaves it out needs absentMeansEnd()).
            case BODY_CURSOR -> body.putObject("paging").putObject("next").put("after", next);
            case LAST_RECORD_ID -> body.put("has_more", more);
            case HEADER_CURSOR -> {
                if (next != null) {
                    headers.put(paging.header(), next);
                }
            }
            case LINK_HEADER -> {
                if (next != null) {
                    headers.put("Link", "<" + nextUrl(request, baseUrl, next) + ">; rel=\"next\"");
                }
            }
            case NEXT_URL -> body.put("next", next == null ? null : nextUrl(request, baseUrl, next));
            default -> {
                // offset and page number: the client computes the next page; an empty page ends it.
            }
        }
        byte[] tail = arrayBody ? null : RecordSet.JSON.writeValueAsBytes(body);
        // Only plain pages are kept: a boundary fault changes the records but not the bounds.
        boolean plain = indices.size() == Math.max(0, end - start) && (indices.isEmpty() || indices.get(0) == start);
        byte[] bytes = plain ? cache.get(records, start, end, tail) : null;
        if (bytes == null) {
            bytes = join(indices, recordBytes, tail);
            if (plain) {
                cache.put(records, start, end, tail, bytes);
            }
        }
        return RawResponse.json(200, bytes).withHeaders(headers);
    }

    /**
     * {@code {"data":[r1,r2,…],<the rest of tail>}}, where {@code tail} is a JSON object; with no
     * tail, the bare array {@code [r1,r2,…]}.
     */
    private static byte[] join(List<Integer> indices, IntFunction<byte[]> recordBytes, byte[] tail) {
        // Sized exactly first, then filled: one array, no growing buffer and no final copy.
        byte[][] parts = new byte[indices.size()][];
        int length = (tail == null ? 2 : DATA_OPEN.length + 1 + tail.length) + Math.max(0, indices.size() - 1);
        for (int k = 0; k < parts.length; k++) {
            parts[k] = recordBytes.apply(indices.get(k));
            length += parts[k].length;
        }
        byte[] out = new byte[length];
        int at = 0;
        if (tail == null) {
            out[at++] = '[';
        } else {
            System.arraycopy(DATA_OPEN, 0, out, 0, DATA_OPEN.length);
            at = DATA_OPEN.length;
        }
        for (int k = 0; k < parts.length; k++) {
            if (k > 0) {
                out[at++] = ',';
            }
            System.arraycopy(parts[k], 0, out, at, parts[k].length);
            at += parts[k].length;
        }
        out[at++] = ']';
        if (tail != null) {
            out[at++] = ',';
            System.arraycopy(tail, 1, out, at, tail.length - 1); // the tail object without its '{'
        }
        return out;
    }

    /** Shopify's answer to a query the bucket cannot pay for: a THROTTLED error and the bucket's state. */
    private ObjectNode throttled(int requested) {
        ObjectNode body = RecordSet.JSON.createObjectNode();
        ObjectNode error = body.putArray("errors").addObject();
        error.put("message", "Throttled");
        error.putObject("extensions").put("code", "THROTTLED");
        costExtension(body, requested, null, bucket.available());
        return body;
    }

    private void costExtension(ObjectNode body, int requested, Integer actual, double available) {
        ObjectNode cost = body.putObject("extensions").putObject("cost");
        cost.put("requestedQueryCost", requested);
        cost.put("actualQueryCost", actual);
        ObjectNode throttle = cost.putObject("throttleStatus");
        throttle.put("maximumAvailable", bucket == null ? 1000.0 : bucket.maximum());
        throttle.put("currentlyAvailable", available);
        throttle.put("restoreRate", bucket == null ? 50.0 : bucket.restoreRate());
    }

    /** A Relay connection page with Shopify-style cost extensions. */
    private ObjectNode relay(List<JsonNode> page, int start, int size, boolean more, int total, double available) {
        ObjectNode body = RecordSet.JSON.createObjectNode();
        ObjectNode connection = body.putObject("data").putObject(paging.header());
        ArrayNode edges = connection.putArray("edges");
        for (int i = 0; i < page.size(); i++) {
            ObjectNode edge = edges.addObject();
            edge.put("cursor", token(start + i + 1));
            edge.set("node", page.get(i));
        }
        ObjectNode pageInfo = connection.putObject("pageInfo");
        pageInfo.put("hasNextPage", more);
        pageInfo.put("endCursor", page.isEmpty() ? null : token(start + page.size()));
        connection.put("totalCount", total);
        costExtension(body, size + 2, page.size() + 2, available);
        return body;
    }

    private int size(RawRequest request) {
        String given = request.query().get(paging.sizeParam());
        if (given == null || given.isEmpty()) {
            return Math.min(pageSize, maxPageSize);
        }
        int n = parse(given, paging.sizeParam());
        if (n < 1) {
            throw new IllegalArgumentException(paging.sizeParam() + " must be at least 1, got " + given);
        }
        return Math.min(n, maxPageSize);
    }

    private int start(RawRequest request, List<JsonNode> records, int size) {
        String given = request.query().get(paging.param());
        if (given == null || given.isEmpty()) {
            return paging.style() == Paging.Style.PAGE_NUMBER ? 0 : 0;
        }
        return switch (paging.style()) {
            case OFFSET -> nonNegative(parse(given, paging.param()), paging.param());
            case PAGE_NUMBER -> {
                int page = parse(given, paging.param());
                if (page < 1) {
                    throw new IllegalArgumentException("page numbers start at 1, got " + given);
                }
                yield (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * size);
            }
            case LAST_RECORD_ID -> {
                for (int i = 0; i < records.size(); i++) {
                    if (given.equals(records.get(i).get("id").asString())) {
                        yield i + 1;
                    }
                }
                throw new IllegalArgumentException("no record with id " + given + " (" + paging.param() + ")");
            }
            default -> decodeToken(given);
        };
    }

    private String nextToken(List<JsonNode> records, int end) {
        if (paging.style() == Paging.Style.LAST_RECORD_ID) {
            return records.get(end - 1).get("id").asString();
        }
        return token(end);
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("o:" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    private int decodeToken(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            if (text.startsWith("o:")) {
                return nonNegative(Integer.parseInt(text.substring(2)), paging.param());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("cursor " + paging.param() + "=" + token + " was not issued by this API");
    }

    private String nextUrl(RawRequest request, String baseUrl, String token) {
        Map<String, String> query = new LinkedHashMap<>(request.query());
        query.put(paging.param(), token);
        StringBuilder url = new StringBuilder(baseUrl).append(request.path()).append('?');
        query.forEach((k, v) -> url.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        url.setLength(url.length() - 1);
        return url.toString();
    }

    private static int parse(String value, String name) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got " + value);
        }
    }

    private static int nonNegative(int n, String name) {
        if (n < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + n);
        }
        return n;
    }
}
