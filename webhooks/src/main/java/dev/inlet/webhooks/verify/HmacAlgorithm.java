package dev.inlet.webhooks.verify;

/** The HMAC hash functions a {@link CustomHmac} scheme can use. */
public enum HmacAlgorithm {
    /** HMAC-SHA1: legacy senders only (e.g. GitHub's old {@code X-Hub-Signature}). */
    SHA1("HmacSHA1"),
    /** HMAC-SHA256: the common choice. */
    SHA256("HmacSHA256"),
    /** HMAC-SHA512. */
    SHA512("HmacSHA512");

    private final String jcaName;

    HmacAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The JCA name, such as {@code HmacSHA256}. */
    public String jcaName() {
        return jcaName;
    }
}
