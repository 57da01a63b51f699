package dev.inlet.webhooks.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/** <b>Internal</b> (not API; see the package).
 * Ed25519 keys from their raw 32-byte forms, with nothing but the JDK's {@code java.security}.
 *
 * <p>The JDK reads keys only in X.509 / PKCS#8 form, so the raw bytes are wrapped in the fixed DER
 * prefix of RFC 8410. It has no call that derives the public key from a seed; the key pair
 * generator, though, draws exactly the 32 seed bytes from its {@code SecureRandom}, so feeding it
 * the seed derives the pair deterministically.
 */
public final class Ed25519Keys {

    /** Raw key length in bytes. */
    public static final int KEY_LENGTH = 32;
    /** Signature length in bytes. */
    public static final int SIGNATURE_LENGTH = 64;

    private static final byte[] X509_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };
    private static final byte[] PKCS8_PREFIX = {
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
    };

    private Ed25519Keys() {
    }

    /** The public key with these raw bytes. */
    public static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        requireLength(raw);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
    }

    /** The key pair of this 32-byte seed (the "secret key" of RFC 8032). */
    public static KeyPair keyPair(byte[] seed) throws GeneralSecurityException {
        requireLength(seed);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
        KeyPair pair = generator.generateKeyPair();
        // Guard the derivation trick: the private key must be exactly the seed we gave.
        PrivateKey expected = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        if (!java.util.Arrays.equals(expected.getEncoded(), pair.getPrivate().getEncoded())) {
            throw new GeneralSecurityException("this JDK's Ed25519 generator did not use the given seed");
        }
        return pair;
    }

    /** A new Ed25519 signature engine. */
    public static Signature engine() throws GeneralSecurityException {
        return Signature.getInstance("Ed25519");
    }

    private static void requireLength(byte[] raw) throws GeneralSecurityException {
        if (raw.length != KEY_LENGTH) {
            throw new GeneralSecurityException("an Ed25519 key has 32 bytes, not " + raw.length);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Hands out the seed once, then refuses: a second draw would mean the trick broke. */
    private static final class SeedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private transient byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("unexpected draw of " + bytes.length + " random bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
            java.util.Arrays.fill(seed, (byte) 0);
            seed = null;
        }
    }
}
