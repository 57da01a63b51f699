package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.internal.HmacKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One keyring secret as a {@link SignatureSchemeSpi} sees it: its id, HMAC and digest computations
 * keyed with it, and (for schemes that hash the secret itself) a copy of its bytes. Built by the
 * verifier or signer from the keyring; {@link #toString()} never shows the secret.
 */
public final class SchemeKey {

    private final String id;
    private final byte[] secret;

    SchemeKey(String id, byte[] secret) {
        this.id = id;
        this.secret = secret.clone();
    }

    /** The keyring id of this secret. */
    public String id() {
        return id;
    }

    /** The HMAC of the concatenated {@code parts}, keyed with this secret. */
    public byte[] hmac(HmacAlgorithm algorithm, byte[]... parts) {
        HmacKey key = new HmacKey(algorithm.jcaName(), secret);
        javax.crypto.Mac mac = key.mac();
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    /** SHA-256 of this secret followed by the concatenated {@code parts} (HubSpot v1/v2 style). */
    public byte[] sha256WithSecretFirst(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(secret);
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /** A copy of the secret's bytes (as decoded by the scheme), for schemes that need them directly. */
    public byte[] secretBytes() {
        return secret.clone();
    }

    byte[] rawSecret() {
        return secret;
    }

    /** The id only. */
    @Override
    public String toString() {
        return "SchemeKey[" + id + ", ***]";
    }
}
