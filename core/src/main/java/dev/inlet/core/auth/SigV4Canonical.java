package dev.inlet.core.auth;

import dev.inlet.core.Headers;
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

/**
 * The arithmetic of AWS Signature Version 4, header form: the canonical request, the string to
 * sign, the signing key and the {@code Authorization} header, as the AWS General Reference
 * ("Create a signed AWS API request") and its published test suite define them.
 */
final class SigV4Canonical {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    /**
     * Headers never signed: hop-by-hop headers, those the transport sets or rewrites itself
     * ({@code Content-Length}, {@code User-Agent}, the pipeline's {@code Accept-Encoding}), ones
     * proxies add or rewrite, and the signature itself.
     * {@code host} is signed, but from the URI, as the transport writes it.
     */
    private static final Set<String> UNSIGNED = Set.of("accept-encoding", "authorization", "connection",
            "content-length", "expect",
            "host", "keep-alive", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding",
            "upgrade", "user-agent", "x-amzn-trace-id");

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SigV4Canonical() {
    }

    /** How paths and payloads are treated. */
    record Options(boolean doubleEncodePath, boolean normalizePath, boolean unsignedPayload,
            boolean contentSha256Header) {
    }

    /** A signed request and the intermediate strings (for tests and debugging). */
    record Signed(Request request, String canonicalRequest, String stringToSign, String authorization) {
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
        Request toSign = stamped.build();

        TreeMap<String, String> headers = canonicalHeaders(toSign);
        String signedHeaders = String.join(";", headers.keySet());
        StringBuilder canonical = new StringBuilder()
                .append(toSign.method()).append('\n')
                .append(canonicalUri(toSign, options)).append('\n')
                .append(canonicalQuery(WireForm.rawQuery(toSign.uri()))).append('\n');
        headers.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
        canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);
        String canonicalRequest = canonical.toString();

        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + Crypto.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = signingKey(credentials, amzDate.substring(0, 8), region, service);
        String signature = Crypto.hex(Crypto.hmac("HmacSHA256", key, stringToSign.getBytes(StandardCharsets.UTF_8)));
        String authorization = ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
        return new Signed(toSign.toBuilder().header("Authorization", authorization).build(), canonicalRequest,
                stringToSign, authorization);
    }

    /** {@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")}. */
    private static byte[] signingKey(AwsCredentials credentials, String date, String region, String service) {
        byte[] key = ("AWS4" + credentials.secretAccessKey().reveal()).getBytes(StandardCharsets.UTF_8);
        for (String step : new String[] {date, region, service, "aws4_request"}) {
            key = Crypto.hmac("HmacSHA256", key, step.getBytes(StandardCharsets.UTF_8));
        }
        return key;
    }

    /** Lower-case names, sorted, to trimmed values with inner whitespace runs collapsed, joined by commas. */
    private static TreeMap<String, String> canonicalHeaders(Request request) {
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
        out.put("host", WireForm.hostHeader(request.uri()));
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
