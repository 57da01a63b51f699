package dev.inlet.webhooks;

import dev.inlet.webhooks.internal.HmacKey;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * One keyring entry decoded for its scheme: an HMAC key, an Ed25519 public key (verify only), or an
 * Ed25519 key pair (sign and verify). Built once, when the verifier or signer is built.
 */
final class KeyMaterial {

    final String id;
    final HmacKey hmac;
    final PublicKey publicKey;
    final PrivateKey privateKey;

    private KeyMaterial(String id, HmacKey hmac, PublicKey publicKey, PrivateKey privateKey) {
        this.id = id;
        this.hmac = hmac;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    static KeyMaterial hmac(String id, HmacKey key) {
        return new KeyMaterial(id, key, null, null);
    }

    static KeyMaterial ed25519(String id, PublicKey publicKey, PrivateKey privateKeyOrNull) {
        return new KeyMaterial(id, null, publicKey, privateKeyOrNull);
    }

    boolean canSign() {
        return hmac != null || privateKey != null;
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + id + ", ***]";
    }
}
