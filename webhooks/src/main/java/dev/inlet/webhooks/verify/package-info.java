/**
 * Webhook verification, pure and framework-neutral: a {@link dev.inlet.webhooks.verify.WebhookRequest}
 * is checked by a {@link dev.inlet.webhooks.verify.WebhookVerifier} (a
 * {@link dev.inlet.webhooks.verify.SignatureScheme}, a {@link dev.inlet.webhooks.verify.Keyring}, a
 * tolerance) into a {@link dev.inlet.webhooks.verify.VerificationResult}; only a verifier makes a valid
 * result. {@link dev.inlet.webhooks.verify.WebhookSigner} signs (for tests and senders); custom schemes
 * plug in through {@link dev.inlet.webhooks.verify.SignatureSchemeSpi} or
 * {@link dev.inlet.webhooks.verify.CustomHmac}.
 */
package dev.inlet.webhooks.verify;
