package dev.inlet.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 (header form) as AWS does for every service but S3: the canonical
 * request (method, double-encoded path, sorted re-encoded query, the signed headers, the payload's
 * SHA-256), the string to sign and the derived key; {@code X-Amz-Date} within 15 minutes of the
 * fake's clock.
 */
final class SigV4Check {

    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*"
                    + "SignedHeaders=([a-z0-9;\\-]+),\\s*Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SigV4Check() {
    }

    static boolean accepts(RawRequest request, Auth auth, Clock clock) {
        String header = request.header("authorization");
        String amzDate = request.header("x-amz-date");
        if (header == null || amzDate == null) {
            return false;
        }
        Matcher m = AUTHORIZATION.matcher(header.trim());
        if (!m.matches() || !m.group(1).equals(auth.clientId()) || !m.group(3).equals(auth.region())
                || !m.group(4).equals(auth.service()) || !amzDate.startsWith(m.group(2))) {
            return false;
        }
        try {
            Instant signedAt = Instant.from(AMZ_DATE.parse(amzDate));
            if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
                return false;
            }
        } catch (RuntimeException e) {
            return false;
        }
        String signedHeaders = m.group(5);
        if (!List.of(signedHeaders.split(";")).contains("host")) {
            return false;
        }
        String canonical = request.method() + "\n" + canonicalUri(request.path()) + "\n"
                + canonicalQuery(request.target()) + "\n" + canonicalHeaders(request, signedHeaders) + "\n"
                + signedHeaders + "\n" + payloadHash(request);
        String scope = m.group(2) + "/" + auth.region() + "/" + auth.service() + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + auth.secret().orElseThrow().reveal()).getBytes(StandardCharsets.UTF_8), m.group(2));
        key = hmac(hmac(hmac(key, auth.region()), auth.service()), "aws4_request");
        byte[] expected = hex(hmac(key, toSign)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, m.group(6).getBytes(StandardCharsets.US_ASCII));
    }

    private static String canonicalUri(String rawPath) {
        StringBuilder out = new StringBuilder();
        for (String segment : rawPath.split("/", -1)) {
            if (out.length() > 0 || rawPath.startsWith("/")) {
                out.append('/');
            }
            out.append(encode(segment)); // the path as sent, encoded once more (AWS's rule but for S3)
        }
        String uri = out.toString().replaceFirst("^//", "/");
        return uri.isEmpty() ? "/" : uri;
    }

    private static String canonicalQuery(String target) {
        int q = target.indexOf('?');
        if (q < 0) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : target.substring(q + 1).split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                pairs.add(new String[] {encode(decode(eq < 0 ? pair : pair.substring(0, eq))),
                        encode(decode(eq < 0 ? "" : pair.substring(eq + 1)))});
            }
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder();
        pairs.forEach(p -> out.append(out.length() == 0 ? "" : "&").append(p[0]).append('=').append(p[1]));
        return out.toString();
    }

    private static String canonicalHeaders(RawRequest request, String signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            List<String> trimmed = values.stream().map(v -> v.trim().replaceAll(" +", " ")).toList();
            out.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        return out.toString();
    }

    private static String payloadHash(RawRequest request) {
        String declared = request.header("x-amz-content-sha256");
        return declared != null ? declared : hex(sha256(request.body()));
    }

    /** RFC 3986 encoding of everything but unreserved characters, as SigV4 wants. */
    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

}
