package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.WebhookConfigException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The description of an HMAC signature scheme that is none of the named ones: which header carries
 * the signature, the algorithm, how the signature and the secret are encoded, what is signed, and
 * optionally a timestamp header checked against the tolerance. Pass it to
 * {@link SignatureScheme#customHmac(CustomHmac)}. Immutable.
 *
 * <p>Defaults: HMAC-SHA256, hex signature without prefix, UTF-8 secret, signed content = the body,
 * no timestamp, no event id header, event type from the body's {@code type}.
 */
public final class CustomHmac {

    final String name;
    final String signatureHeader;
    final HmacAlgorithm algorithm;
    final ByteEncoding signatureEncoding;
    final String signaturePrefix;
    final String signatureDelimiter;
    final ByteEncoding secretEncoding;
    final String secretPrefix;
    final String timestampHeader;
    final ChronoUnit timestampUnit;
    final List<SignedPart> signedContent;
    final String eventIdHeader;
    final String eventTypeHeader;

    private CustomHmac(Builder b) {
        this.name = b.name;
        this.signatureHeader = b.signatureHeader;
        this.algorithm = b.algorithm;
        this.signatureEncoding = b.signatureEncoding;
        this.signaturePrefix = b.signaturePrefix;
        this.signatureDelimiter = b.signatureDelimiter;
        this.secretEncoding = b.secretEncoding;
        this.secretPrefix = b.secretPrefix;
        this.timestampHeader = b.timestampHeader;
        this.timestampUnit = b.timestampUnit;
        this.signedContent = List.copyOf(b.signedContent);
        this.eventIdHeader = b.eventIdHeader;
        this.eventTypeHeader = b.eventTypeHeader;
    }

    /** A builder for a scheme whose signature is in {@code signatureHeader}. */
    public static Builder builder(String signatureHeader) {
        return new Builder(signatureHeader);
    }

    /** The header that carries the signature. */
    public String signatureHeader() {
        return signatureHeader;
    }

    /** The timestamp header, if the scheme signs one. */
    public Optional<String> timestampHeader() {
        return Optional.ofNullable(timestampHeader);
    }

    /** What is signed, in order. */
    public List<SignedPart> signedContent() {
        return signedContent;
    }

    @Override
    public String toString() {
        return "CustomHmac[" + name + ", header=" + signatureHeader + ", " + algorithm + ", " + signatureEncoding
                + ", signs=" + signedContent + "]";
    }

    /** Builds a {@link CustomHmac}; not thread-safe. */
    public static final class Builder {
        private String name = "custom-hmac";
        private final String signatureHeader;
        private HmacAlgorithm algorithm = HmacAlgorithm.SHA256;
        private ByteEncoding signatureEncoding = ByteEncoding.HEX;
        private String signaturePrefix = "";
        private String signatureDelimiter;
        private ByteEncoding secretEncoding = ByteEncoding.UTF8;
        private String secretPrefix = "";
        private String timestampHeader;
        private ChronoUnit timestampUnit = ChronoUnit.SECONDS;
        private List<SignedPart> signedContent = List.of(SignedPart.body());
        private String eventIdHeader;
        private String eventTypeHeader;

        private Builder(String signatureHeader) {
            this.signatureHeader = requireText(signatureHeader, "signatureHeader");
        }

        /** A name for logs; default {@code custom-hmac}. */
        public Builder name(String name) {
            this.name = requireText(name, "name");
            return this;
        }

        /** The hash function; default {@link HmacAlgorithm#SHA256}. */
        public Builder algorithm(HmacAlgorithm algorithm) {
            this.algorithm = requireValue(algorithm, "algorithm");
            return this;
        }

        /** How the signature is written; default {@link ByteEncoding#HEX}. {@code UTF8} is refused. */
        public Builder signatureEncoding(ByteEncoding encoding) {
            if (requireValue(encoding, "signatureEncoding") == ByteEncoding.UTF8) {
                throw new WebhookConfigException("CustomHmac: a signature cannot be UTF8-encoded",
                        "use HEX, BASE64 or BASE64URL");
            }
            this.signatureEncoding = encoding;
            return this;
        }

        /** Text before the signature in the header, such as {@code sha256=}; default none. */
        public Builder signaturePrefix(String prefix) {
            this.signaturePrefix = requireValue(prefix, "signaturePrefix");
            return this;
        }

        /**
         * A delimiter between several signatures in one header value (e.g. {@code " "} or
         * {@code ","}); default none: one signature per header value.
         */
        public Builder signatureDelimiter(String delimiter) {
            this.signatureDelimiter = requireText(delimiter, "signatureDelimiter");
            return this;
        }

        /**
         * How secrets are written; default {@link ByteEncoding#UTF8} (the string itself). For
         * {@code HEX}, {@code BASE64} and {@code BASE64URL} the decoded key must be 24 to 64 bytes.
         */
        public Builder secretEncoding(ByteEncoding encoding) {
            this.secretEncoding = requireValue(encoding, "secretEncoding");
            return this;
        }

        /** A prefix stripped from secrets before decoding, such as {@code whsec_}; default none. */
        public Builder secretPrefix(String prefix) {
            this.secretPrefix = requireValue(prefix, "secretPrefix");
            return this;
        }

        /**
         * A header with the signing time, checked against the verifier's tolerance.
         *
         * @param unit {@link ChronoUnit#SECONDS} or {@link ChronoUnit#MILLIS} since the epoch
         */
        public Builder timestampHeader(String header, ChronoUnit unit) {
            if (unit != ChronoUnit.SECONDS && unit != ChronoUnit.MILLIS) {
                throw new WebhookConfigException("CustomHmac: timestamp unit " + unit + " is not supported",
                        "use ChronoUnit.SECONDS or ChronoUnit.MILLIS");
            }
            this.timestampHeader = requireText(header, "timestampHeader");
            this.timestampUnit = unit;
            return this;
        }

        /** What is signed, concatenated in order; default {@code body()}. */
        public Builder signedContent(SignedPart... parts) {
            if (parts == null || parts.length == 0) {
                throw new WebhookConfigException("CustomHmac: signedContent is empty",
                        "list what is signed, e.g. signedContent(SignedPart.body())");
            }
            this.signedContent = List.of(parts);
            return this;
        }

        /** The header with the provider's event id, used for deduplication; default none. */
        public Builder eventIdHeader(String header) {
            this.eventIdHeader = requireText(header, "eventIdHeader");
            return this;
        }

        /** The header with the event type; default: the body's top-level {@code type}. */
        public Builder eventTypeHeader(String header) {
            this.eventTypeHeader = requireText(header, "eventTypeHeader");
            return this;
        }

        /**
         * The description.
         *
         * @throws WebhookConfigException if {@code timestamp()} is signed but no timestamp header is set
         */
        public CustomHmac build() {
            boolean signsTimestamp = signedContent.stream().anyMatch(p -> p.kind == SignedPart.Kind.TIMESTAMP);
            if (signsTimestamp && timestampHeader == null) {
                throw new WebhookConfigException("CustomHmac '" + name + "' signs timestamp() but has no timestamp header",
                        "call timestampHeader(name, unit)");
            }
            return new CustomHmac(this);
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isEmpty()) {
                throw new WebhookConfigException("CustomHmac: " + what + " must not be empty", "set " + what);
            }
            return value;
        }

        private static <T> T requireValue(T value, String what) {
            if (value == null) {
                throw new WebhookConfigException("CustomHmac: " + what + " must not be null", "set " + what);
            }
            return value;
        }
    }
}
