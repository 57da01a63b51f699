/**
 * Implementation helpers of the webhooks module (encodings, HMAC keys, Ed25519 keys, the journal,
 * the non-blocking HTTP/1.1 loop of the embedded server).
 * <b>Internal</b>, not API: public only for the modules named in the webhooks module's
 * {@code META-INF/inlet-api.txt}, and may change in any release. Depends on nothing else in {@code dev.inlet.webhooks}.
 */
package dev.inlet.webhooks.internal;
