/**
 * Webhooks: verify every common signature scheme, receive at scale, never lose an event.
 *
 * <ul>
 *   <li>Verification (pure): {@link dev.inlet.webhooks.WebhookVerifier} with a
 *       {@link dev.inlet.webhooks.SignatureScheme} and a {@link dev.inlet.webhooks.Keyring}, giving a
 *       {@link dev.inlet.webhooks.VerificationResult}; {@link dev.inlet.webhooks.WebhookSigner} signs.</li>
 *   <li>Receiving: {@link dev.inlet.webhooks.WebhookReceiver} (framework-neutral) and
 *       {@link dev.inlet.webhooks.WebhookServer} (embedded JDK HTTP server), with deduplication, a
 *       bounded queue, retries, a dead-letter sink and an optional
 *       {@link dev.inlet.webhooks.DurableInbox}.</li>
 *   <li>Events: {@link dev.inlet.webhooks.WebhookEvent}, {@link dev.inlet.webhooks.routing.EventRouter},
 *       {@link dev.inlet.webhooks.routing.EventActions}.</li>
 * </ul>
 */
package dev.inlet.webhooks;
