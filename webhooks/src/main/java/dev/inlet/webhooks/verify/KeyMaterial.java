package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.internal.HmacKey;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * One keyring entry decoded for its scheme: an HMAC key, an Ed25519 public key (verify only), an
 * Ed25519 key pair (sign and verify), or the secret bytes themselves. Built once, when the verifier or signer is built.
 */
final class KeyMaterial {

    final String id;
    final HmacKey hmac;
    final PublicKey publicKey;
    final PrivateKey privateKey;
    /** The secret itself, for schemes that hash it rather than key an HMAC with it (HubSpot v1/v2, the SPI). */
    final SchemeKey secret;

    private KeyMaterial(String id, HmacKey hmac, PublicKey publicKey, PrivateKey privateKey, SchemeKey secret) {
        this.id = id;
        this.hmac = hmac;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.secret = secret;
    }

    static KeyMaterial secret(String id, byte[] secret) {
        return new KeyMaterial(id, null, null, null, new SchemeKey(id, secret));
    }

    static KeyMaterial hmac(String id, HmacKey key) {
        return new KeyMaterial(id, key, null, null, null);
    }

    static KeyMaterial ed25519(String id, PublicKey publicKey, PrivateKey privateKeyOrNull) {
        return new KeyMaterial(id, null, publicKey, privateKeyOrNull, null);
    }

    boolean canSign() {
        return hmac != null || privateKey != null || secret != null;
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + id + ", ***]";
    }
}
