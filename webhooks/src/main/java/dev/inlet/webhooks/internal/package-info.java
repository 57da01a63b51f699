/**
 * Implementation helpers of the webhooks module (encodings, HMAC keys, Ed25519 keys, the journal).
 * Not an API: may change without notice. Depends on nothing in {@code dev.inlet.webhooks}.
 */
package dev.inlet.webhooks.internal;
