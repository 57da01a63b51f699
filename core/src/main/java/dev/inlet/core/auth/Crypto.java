package dev.inlet.core.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The digests and MACs the signers need, over the JDK's providers. */
final class Crypto {

    private static final HexFormat HEX = HexFormat.of();

    private Crypto() {
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static String sha256Hex(byte[] data) {
        return hex(sha256(data));
    }

    /**
     * The MAC of the data under the key.
     *
     * @param algorithm a JCA MAC name such as {@code HmacSHA256}
     */
    static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available on this Java platform", e);
        }
    }

    /** Lower-case hex. */
    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
