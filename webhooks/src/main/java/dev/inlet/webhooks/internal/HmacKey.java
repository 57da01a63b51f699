package dev.inlet.webhooks.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** <b>Internal</b> (not API; see the package).
 * An HMAC key with one initialised {@link Mac} per thread. {@code Mac.init} hashes the key into the
 * inner and outer pads; doing that once per thread instead of once per request keeps the
 * verification path free of key setup and allocation.
 *
 * <p>{@link #toString()} never shows the key.
 */
public final class HmacKey {

    /** Scratch output buffers, big enough for HMAC-SHA512. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[64]);

    private final String algorithm;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final int length;

    /**
     * A key for the JCA algorithm, such as {@code HmacSHA256}.
     *
     * @throws IllegalArgumentException if the key is empty or the algorithm is unknown to the JDK
     */
    public HmacKey(String algorithm, byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("an HMAC key must not be empty");
        }
        this.algorithm = algorithm;
        this.key = new SecretKeySpec(secret, algorithm);
        Mac probe = newMac();
        this.length = probe.getMacLength();
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalArgumentException("the JDK cannot compute " + algorithm + ": " + e.getMessage(), e);
        }
    }

    /** This thread's MAC, reset and ready for {@code update}. */
    public Mac mac() {
        Mac mac = macs.get();
        // A previous caller may have thrown between update and doFinal; start clean.
        mac.reset();
        return mac;
    }

    /** The MAC length in bytes. */
    public int length() {
        return length;
    }

    /** Finishes the MAC into this thread's scratch buffer and returns the buffer. */
    public byte[] finish(Mac mac) {
        byte[] out = SCRATCH.get();
        try {
            mac.doFinal(out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("scratch buffer too small for " + algorithm, e);
        }
        return out;
    }

    /** The algorithm name. */
    public String algorithm() {
        return algorithm;
    }

    @Override
    public String toString() {
        return "HmacKey[" + algorithm + ", ***]";
    }
}
