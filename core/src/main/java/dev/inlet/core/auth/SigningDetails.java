package dev.inlet.core.auth;

import dev.inlet.core.internal.Redaction;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link AwsSigV4} signs for a request, to debug a {@code SignatureDoesNotMatch}: AWS's answer
 * quotes the canonical request and string to sign it expected; compare them with
 * {@link #canonicalRequest()} and {@link #stringToSign()} line by line.
 *
 * <p>Never holds the secret access key or the signing key. Values that are secrets are masked as
 * {@code ***} in {@link #canonicalRequest()}: the {@code x-amz-security-token} (session token), any
 * other credential header an earlier credential added (as {@link Redaction} masks headers), and
 * secret-looking query values. So when something was masked, the SHA-256 of
 * {@link #canonicalRequest()} is not the last line of {@link #stringToSign()}; {@link #masked()}
 * says so. The string to sign and the {@code Authorization} header contain only hashes, the access
 * key id and the signature, and are exact.
 *
 * <p>Immutable and thread-safe.
 */
public final class SigningDetails {

    private final String canonicalRequest;
    private final boolean masked;
    private final String stringToSign;
    private final List<String> signedHeaders;
    private final String credentialScope;
    private final String amzDate;
    private final String authorization;

    private SigningDetails(SigV4Canonical.Signed signed, Set<String> sensitiveParameters) {
        this.canonicalRequest = signed.canonicalRequest(Redaction::isSensitiveHeader,
                query -> query.isEmpty() ? query : Redaction.query(query, sensitiveParameters));
        this.masked = !canonicalRequest.equals(signed.canonicalRequest());
        this.stringToSign = signed.stringToSign();
        this.signedHeaders = List.copyOf(signed.canonicalHeaders().keySet());
        this.credentialScope = signed.scope();
        this.amzDate = signed.amzDate();
        this.authorization = signed.authorization();
    }

    static SigningDetails of(SigV4Canonical.Signed signed, Set<String> sensitiveParameters) {
        return new SigningDetails(Objects.requireNonNull(signed), sensitiveParameters);
    }

    /** The canonical request, secret values masked as {@code ***} (see the class comment). */
    public String canonicalRequest() {
        return canonicalRequest;
    }

    /** Whether {@link #canonicalRequest()} has masked values, so that its hash differs from the signed one. */
    public boolean masked() {
        return masked;
    }

    /** The string to sign: algorithm, {@code X-Amz-Date}, credential scope, hash of the real canonical request. */
    public String stringToSign() {
        return stringToSign;
    }

    /** The signed header names, lower case and sorted, as in {@code SignedHeaders=}. */
    public List<String> signedHeaders() {
        return signedHeaders;
    }

    /** {@code yyyymmdd/region/service/aws4_request}. */
    public String credentialScope() {
        return credentialScope;
    }

    /** The {@code X-Amz-Date} signed, such as {@code 20150830T123600Z}. */
    public String amzDate() {
        return amzDate;
    }

    /** The {@code Authorization} header: access key id, scope, signed headers and signature (no secret). */
    public String authorization() {
        return authorization;
    }

    /** The canonical request (masked) and the string to sign, as AWS prints them. */
    @Override
    public String toString() {
        return "SigningDetails[signedHeaders=" + String.join(";", signedHeaders) + ", canonicalRequest=\n"
                + canonicalRequest + "\n, stringToSign=\n" + stringToSign + "\n]";
    }
}
