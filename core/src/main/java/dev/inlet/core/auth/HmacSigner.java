package dev.inlet.core.auth;

import dev.inlet.core.http.AsyncInterceptor;
import java.util.concurrent.CompletableFuture;
import dev.inlet.core.Headers;
import dev.inlet.core.Secret;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Signs each request with an HMAC over a documented canonical form of the parts you choose, and
 * sends the signature in a header. Each attempt is signed afresh, with a new timestamp and nonce.
 *
 * <h2>Canonical form</h2>
 * The signed string is the lines below, for the chosen parts only, always in this order, joined by
 * {@code \n} (no trailing newline), encoded as UTF-8:
 * <ol>
 *   <li>{@link Part#METHOD}: the method in upper case, e.g. {@code POST};</li>
 *   <li>{@link Part#PATH}: the path as sent, percent-encoded, {@code /} if empty;</li>
 *   <li>{@link Part#QUERY}: the query's {@code name=value} pairs as sent (percent-encoded, not
 *       decoded), sorted by name and then value in code-point order, joined by {@code &}; an empty
 *       line without a query;</li>
 *   <li>{@link Part#HEADERS}: one line per {@linkplain Builder#signedHeaders signed header}, sorted by
 *       lower-case name: {@code name:value}, the name in lower case, each value trimmed, several
 *       values joined by {@code ,}, an absent header as {@code name:}; {@code host} is the
 *       {@code Host} the client sends ({@code host[:port]}, the port only if not the default);</li>
 *   <li>{@link Part#BODY_HASH}: the lower-case hex SHA-256 of the body bytes (of nothing, without a
 *       body);</li>
 *   <li>{@link Part#TIMESTAMP}: the Unix time in seconds, also sent in the timestamp header;</li>
 *   <li>{@link Part#NONCE}: a random value (32 hex digits), also sent in the nonce header.</li>
 * </ol>
 * The signature is {@code HMAC(key, canonical)} with SHA-256 or SHA-512, hex or base64, sent as
 * {@code <prefix><signature>} in the signature header; a key id, if set, goes in its own header.
 *
 * <pre>{@code
 * Credentials signer = HmacSigner.builder()
 *         .origin(Origin.of("https://api.example.com"))
 *         .key(Secret.fromEnvironment("SIGNING_KEY")).keyId("key-2024")
 *         .signedHeaders("Content-Type")
 *         .build();
 * }</pre>
 */
public final class HmacSigner implements Credentials, AsyncInterceptor {

    /** The parts of a request that can be signed, in canonical order. */
    public enum Part {
        /** The method. */
        METHOD,
        /** The path. */
        PATH,
        /** The sorted query. */
        QUERY,
        /** The headers named by {@link Builder#signedHeaders}. */
        HEADERS,
        /** The SHA-256 of the body. */
        BODY_HASH,
        /** The timestamp, sent in the timestamp header. */
        TIMESTAMP,
        /** A random nonce, sent in the nonce header. */
        NONCE
    }

    /** The MAC algorithm. */
    public enum Algorithm {
        /** HMAC-SHA256 (RFC 2104 over FIPS 180-4 SHA-256). */
        HMAC_SHA256("HmacSHA256"),
        /** HMAC-SHA512. */
        HMAC_SHA512("HmacSHA512");

        private final String jcaName;

        Algorithm(String jcaName) {
            this.jcaName = jcaName;
        }
    }

    /** How the signature bytes are written in the header. */
    public enum Encoding {
        /** Lower-case hexadecimal. */
        HEX,
        /** Standard base64 with padding (RFC 4648 §4). */
        BASE64
    }

    /** Headers the transport sets or changes itself; their values cannot be signed reliably. */
    private static final Set<String> UNSIGNABLE = Set.of("connection", "content-length", "expect", "upgrade",
            "transfer-encoding");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OriginBound binding;
    private final Secret key;
    private final Algorithm algorithm;
    private final Encoding encoding;
    private final Set<Part> parts;
    private final List<String> signedHeaders;
    private final String signatureHeader;
    private final String signaturePrefix;
    private final String timestampHeader;
    private final String nonceHeader;
    private final String keyIdHeader;
    private final String keyId;
    private final Clock clock;
    private final Supplier<String> nonces;

    private HmacSigner(Builder b) {
        this.key = b.key;
        this.algorithm = b.algorithm;
        this.encoding = b.encoding;
        this.parts = EnumSet.copyOf(b.parts);
        if (!b.signedHeaders.isEmpty()) {
            parts.add(Part.HEADERS);
        }
        this.signedHeaders = List.copyOf(b.signedHeaders);
        this.signatureHeader = b.signatureHeader;
        this.signaturePrefix = b.signaturePrefix;
        this.timestampHeader = b.timestampHeader;
        this.nonceHeader = b.nonceHeader;
        this.keyIdHeader = b.keyIdHeader;
        this.keyId = b.keyId;
        this.clock = b.clock;
        this.nonces = b.nonces;
        this.binding = new RequestAuthorizing(b.origin) {
            @Override
            Request authorize(Request request) {
                return sign(request);
            }
        };
    }

    /** A builder; origin and key are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean appliesTo(Origin origin) {
        return binding.appliesTo(origin);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return binding.intercept(chain);
    }

    @Override
    public CompletableFuture<Response> interceptAsync(AsyncChain chain) {
        return binding.interceptAsync(chain);
    }

    /** The request with timestamp, nonce, key id and signature headers. */
    Request sign(Request request) {
        Request.Builder out = request.toBuilder();
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = parts.contains(Part.NONCE) ? nonces.get() : "";
        if (parts.contains(Part.TIMESTAMP)) {
            out.header(timestampHeader, timestamp);
        }
        if (parts.contains(Part.NONCE)) {
            out.header(nonceHeader, nonce);
        }
        if (keyId != null) {
            out.header(keyIdHeader, keyId);
        }
        Request stamped = out.build();
        String canonical = canonical(stamped, timestamp, nonce);
        byte[] mac = Crypto.hmac(algorithm.jcaName, key.revealBytes(), canonical.getBytes(StandardCharsets.UTF_8));
        String signature = encoding == Encoding.HEX ? Crypto.hex(mac) : Base64.getEncoder().encodeToString(mac);
        return stamped.toBuilder().header(signatureHeader, signaturePrefix + signature).build();
    }

    /** The canonical string of the request (see the class documentation). */
    String canonical(Request request, String timestamp, String nonce) {
        List<String> lines = new ArrayList<>();
        for (Part part : parts) {
            switch (part) {
                case METHOD -> lines.add(request.method());
                case PATH -> lines.add(WireForm.rawPath(request.uri()));
                case QUERY -> lines.add(sortedQuery(WireForm.rawQuery(request.uri())));
                case HEADERS -> lines.addAll(headerLines(request));
                case BODY_HASH -> lines.add(Crypto.sha256Hex(request.body().orElse(new byte[0])));
                case TIMESTAMP -> lines.add(timestamp);
                case NONCE -> lines.add(nonce);
                default -> throw new IllegalStateException("unknown part " + part);
            }
        }
        return String.join("\n", lines);
    }

    private static String sortedQuery(String rawQuery) {
        record Pair(String name, String value, String asSent) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                pairs.add(eq < 0 ? new Pair(pair, "", pair) : new Pair(pair.substring(0, eq), pair.substring(eq + 1),
                        pair));
            }
        }
        pairs.sort(Comparator.comparing(Pair::name).thenComparing(Pair::value));
        return String.join("&", pairs.stream().map(Pair::asSent).toList());
    }

    private List<String> headerLines(Request request) {
        TreeSet<String> names = new TreeSet<>();
        signedHeaders.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        List<String> lines = new ArrayList<>();
        Headers headers = request.headers();
        for (String name : names) {
            String value = name.equals("host") ? WireForm.hostHeader(request.uri())
                    : String.join(",", headers.all(name).stream().map(String::trim).toList());
            lines.add(name + ":" + value);
        }
        return lines;
    }

    @Override
    public String toString() {
        return "HmacSigner[" + algorithm + " " + encoding + " of " + parts + (signedHeaders.isEmpty() ? ""
                : " " + signedHeaders) + " in " + signatureHeader + (keyId == null ? "" : ", key id " + keyId)
                + ", for " + binding.origin() + "]";
    }

    /**
     * Builds an {@link HmacSigner}; not thread-safe. Defaults: HMAC-SHA256, hex, the parts METHOD,
     * PATH, QUERY, BODY_HASH, TIMESTAMP and NONCE (HEADERS when headers are named); the signature in
     * {@code X-Signature} without prefix; {@code X-Timestamp}, {@code X-Nonce} and {@code X-Key-Id}
     * headers; the system UTC clock; 128-bit nonces from {@link SecureRandom}.
     */
    public static final class Builder {
        private Origin origin;
        private Secret key;
        private Algorithm algorithm = Algorithm.HMAC_SHA256;
        private Encoding encoding = Encoding.HEX;
        private Set<Part> parts = EnumSet.of(Part.METHOD, Part.PATH, Part.QUERY, Part.BODY_HASH, Part.TIMESTAMP,
                Part.NONCE);
        private final List<String> signedHeaders = new ArrayList<>();
        private String signatureHeader = "X-Signature";
        private String signaturePrefix = "";
        private String timestampHeader = "X-Timestamp";
        private String nonceHeader = "X-Nonce";
        private String keyIdHeader = "X-Key-Id";
        private String keyId;
        private Clock clock = Clock.systemUTC();
        private Supplier<String> nonces = Builder::randomNonce;

        private Builder() {
        }

        /** The origin whose requests are signed (no other's). Required. */
        public Builder origin(Origin origin) {
            this.origin = OriginBound.checked(origin);
            return this;
        }

        /** The shared signing key. Required. */
        public Builder key(Secret key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /** An identifier of the key, sent in the key id header (for servers with several keys). */
        public Builder keyId(String keyId) {
            this.keyId = Objects.requireNonNull(keyId, "keyId");
            return this;
        }

        /** The MAC algorithm. Default HMAC-SHA256. */
        public Builder algorithm(Algorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /** How the signature is written. Default hex. */
        public Builder encoding(Encoding encoding) {
            this.encoding = Objects.requireNonNull(encoding, "encoding");
            return this;
        }

        /** Exactly which parts are signed (HEADERS is added when headers are named). */
        public Builder parts(Part... parts) {
            if (parts.length == 0) {
                throw new IllegalArgumentException("sign at least one part of the request");
            }
            this.parts = EnumSet.of(parts[0], parts);
            return this;
        }

        /**
         * Headers whose values are signed ({@code host} included if named). Headers the transport
         * sets itself ({@code Content-Length}, {@code Connection} …) cannot be signed.
         */
        public Builder signedHeaders(String... names) {
            for (String name : names) {
                Headers.of(Objects.requireNonNull(name, "header name"), "");
                if (UNSIGNABLE.contains(name.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("header " + name + " is set by the transport and cannot be "
                            + "signed");
                }
                signedHeaders.add(name);
            }
            return this;
        }

        /** The header for the signature and the text before it (e.g. {@code "v1="}). */
        public Builder signatureHeader(String name, String prefix) {
            Headers.of(Objects.requireNonNull(name, "name"), "");
            this.signatureHeader = name;
            this.signaturePrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** The header for the timestamp. Default {@code X-Timestamp}. */
        public Builder timestampHeader(String name) {
            Headers.of(Objects.requireNonNull(name, "name"), "");
            this.timestampHeader = name;
            return this;
        }

        /** The header for the nonce. Default {@code X-Nonce}. */
        public Builder nonceHeader(String name) {
            Headers.of(Objects.requireNonNull(name, "name"), "");
            this.nonceHeader = name;
            return this;
        }

        /** The header for the key id. Default {@code X-Key-Id}. */
        public Builder keyIdHeader(String name) {
            Headers.of(Objects.requireNonNull(name, "name"), "");
            this.keyIdHeader = name;
            return this;
        }

        /** The clock for timestamps. Default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where nonces come from (tests fix them). Default 128 random bits as hex. */
        public Builder nonces(Supplier<String> nonces) {
            this.nonces = Objects.requireNonNull(nonces, "nonces");
            return this;
        }

        /**
         * The signer.
         *
         * @throws IllegalStateException if origin or key is missing, or HEADERS is signed without
         *     naming headers
         */
        public HmacSigner build() {
            OAuth2Settings.require(origin, "origin");
            OAuth2Settings.require(key, "key");
            if (parts.contains(Part.HEADERS) && signedHeaders.isEmpty()) {
                throw new IllegalStateException("the HEADERS part needs signedHeaders(...) to name the headers");
            }
            return new HmacSigner(this);
        }

        private static String randomNonce() {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            return Crypto.hex(bytes);
        }
    }
}
