package dev.inlet.core.auth;

import dev.inlet.core.Headers;
import dev.inlet.core.internal.Redaction;
import dev.inlet.core.http.Request;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The arithmetic of AWS Signature Version 4, header form: the canonical request, the string to
 * sign, the signing key and the {@code Authorization} header, as the AWS General Reference
 * ("Create a signed AWS API request") and its published test suite define them.
 */
final class SigV4Canonical {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    /**
     * Headers never signed, as AWS's SDKs leave them out (aws-sdk-java-v2: {@code connection},
     * {@code x-amzn-trace-id}, {@code user-agent}, {@code expect}; botocore also
     * {@code transfer-encoding}): hop-by-hop headers, ones the transport or proxies rewrite (and the
     * pipeline's {@code Accept-Encoding}, added after signing), and the signature itself.
     * {@code host} and {@code content-length} are signed, but as the transport writes them (from the
     * URI, or the host override; from the body's length), never as the caller set them.
     */
    private static final Set<String> UNSIGNED = Set.of("accept-encoding", "authorization", "connection",
            "content-length", "expect",
            "host", "keep-alive", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding",
            "upgrade", "user-agent", "x-amzn-trace-id");

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SigV4Canonical() {
    }

    /**
     * How paths, payloads and the transport-written headers are treated.
     *
     * @param host the {@code Host} to sign instead of the URI's, or null
     * @param signContentLength whether a request with a body signs its {@code Content-Length}
     */
    record Options(boolean doubleEncodePath, boolean normalizePath, boolean unsignedPayload,
            boolean contentSha256Header, String host, boolean signContentLength) {
    }

    /**
     * A signed request and the intermediate values (for tests and {@link SigningDetails}).
     *
     * @param canonicalHeaders the signed headers, lower-case names in order, to their canonical values
     */
    record Signed(Request request, String canonicalRequest, String stringToSign, String authorization,
            String method, String canonicalUri, String canonicalQuery, TreeMap<String, String> canonicalHeaders,
            String payloadHash, String amzDate, String scope) {

        /** The canonical request with the values of sensitive headers and query parameters masked. */
        String canonicalRequest(Predicate<String> sensitiveHeader, UnaryOperator<String> maskQuery) {
            return render(method, canonicalUri, maskQuery.apply(canonicalQuery), canonicalHeaders, payloadHash,
                    sensitiveHeader);
        }

        /** The {@code Authorization} header only: the canonical request holds the session token. */
        @Override
        public String toString() {
            return "Signed[" + authorization + "]";
        }
    }

    static Signed sign(Request request, AwsCredentials credentials, String region, String service, Instant now,
            Options options) {
        String amzDate = AMZ_DATE.format(now);
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        String payloadHash = options.unsignedPayload() ? UNSIGNED_PAYLOAD
                : Crypto.sha256Hex(request.body().orElse(new byte[0]));
        Request.Builder stamped = request.toBuilder().removeHeader("Authorization").header("X-Amz-Date", amzDate);
        credentials.sessionToken().ifPresent(token -> stamped.header("X-Amz-Security-Token", token.reveal()));
        if (options.unsignedPayload() || options.contentSha256Header()) {
            stamped.header("X-Amz-Content-Sha256", payloadHash);
        }
        if (options.host() != null) {
            stamped.header("Host", options.host());
        }
        Request toSign = stamped.build();

        TreeMap<String, String> headers = canonicalHeaders(toSign, options);
        String signedHeaders = String.join(";", headers.keySet());
        String canonicalUri = canonicalUri(toSign, options);
        String canonicalQuery = canonicalQuery(WireForm.rawQuery(toSign.uri()));
        String canonicalRequest = render(toSign.method(), canonicalUri, canonicalQuery, headers, payloadHash,
                name -> false);

        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + Crypto.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = signingKey(credentials, amzDate.substring(0, 8), region, service);
        String signature = Crypto.hex(Crypto.hmac("HmacSHA256", key, stringToSign.getBytes(StandardCharsets.UTF_8)));
        String authorization = ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
        return new Signed(toSign.toBuilder().header("Authorization", authorization).build(), canonicalRequest,
                stringToSign, authorization, toSign.method(), canonicalUri, canonicalQuery, headers, payloadHash,
                amzDate, scope);
    }

    /** Method, URI, query, {@code name:value} lines, a blank line, the signed header list, the payload hash. */
    private static String render(String method, String uri, String query, TreeMap<String, String> headers,
            String payloadHash, Predicate<String> masked) {
        StringBuilder canonical = new StringBuilder().append(method).append('\n').append(uri).append('\n')
                .append(query).append('\n');
        headers.forEach((name, value) -> canonical.append(name).append(':')
                .append(masked.test(name) ? Redaction.MASK : value).append('\n'));
        return canonical.append('\n').append(String.join(";", headers.keySet())).append('\n').append(payloadHash)
                .toString();
    }

    /** {@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")}. */
    private static byte[] signingKey(AwsCredentials credentials, String date, String region, String service) {
        byte[] key = ("AWS4" + credentials.secretAccessKey().reveal()).getBytes(StandardCharsets.UTF_8);
        for (String step : new String[] {date, region, service, "aws4_request"}) {
            key = Crypto.hmac("HmacSHA256", key, step.getBytes(StandardCharsets.UTF_8));
        }
        return key;
    }

    /**
     * Lower-case names, sorted, to trimmed values with inner whitespace runs collapsed, joined by commas;
     * {@code host} as the transport writes it (or the override), and {@code content-length} as the
     * transport writes it for a non-empty body: its length. An empty or absent body signs no length:
     * JDK 17 sends {@code Content-Length: 0} even for a bodiless GET and later JDKs do not, and an
     * unsigned header the server receives does no harm, while a signed one it does not receive fails.
     */
    private static TreeMap<String, String> canonicalHeaders(Request request, Options options) {
        TreeMap<String, String> out = new TreeMap<>();
        Headers headers = request.headers();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!UNSIGNED.contains(lower)) {
                List<String> values = new ArrayList<>();
                headers.all(name).forEach(v -> values.add(v.trim().replaceAll("\\s+", " ")));
                out.put(lower, String.join(",", values));
            }
        }
        out.put("host", options.host() != null ? options.host() : WireForm.hostHeader(request.uri()));
        if (options.signContentLength()) {
            request.body().filter(body -> body.length > 0)
                    .ifPresent(body -> out.put("content-length", Integer.toString(body.length)));
        }
        return out;
    }

    /**
     * The canonical URI. The path as sent, dot segments and repeated slashes removed (unless
     * {@code normalizePath} is off, as S3 needs), then URI-encoded again (every service but S3
     * "double-encodes"), or, with double encoding off, each segment decoded and encoded once.
     */
    static String canonicalUri(Request request, Options options) {
        String path = WireForm.rawPath(request.uri());
        if (options.normalizePath()) {
            path = normalize(path);
        }
        if (options.doubleEncodePath()) {
            return WireForm.encode(path, true);
        }
        String[] segments = path.split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            out.append(i == 0 ? "" : "/").append(WireForm.encode(WireForm.decode(segments[i]), false));
        }
        return out.toString();
    }

    /** RFC 3986 §5.2.4 dot-segment removal, also dropping empty segments (AWS collapses "//"). */
    static String normalize(String path) {
        List<String> kept = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!kept.isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
            } else {
                kept.add(segment);
            }
        }
        boolean trailingSlash = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
        String joined = "/" + String.join("/", kept);
        return trailingSlash && !kept.isEmpty() ? joined + "/" : joined;
    }

    /** Each pair decoded, then URI-encoded; sorted by encoded name, then encoded value; a bare name gets {@code =}. */
    static String canonicalQuery(String rawQuery) {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {WireForm.encode(WireForm.decode(name), false),
                WireForm.encode(WireForm.decode(value), false)});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            out.append(out.length() == 0 ? "" : "&").append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }
}
