/**
 * Implementation helpers of the webhooks module (encodings, HMAC keys, Ed25519 keys, the journal,
 * the non-blocking HTTP/1.1 loop of the embedded server).
 * Not an API: may change without notice. Depends on nothing in {@code dev.inlet.webhooks}.
 */
package dev.inlet.webhooks.internal;
