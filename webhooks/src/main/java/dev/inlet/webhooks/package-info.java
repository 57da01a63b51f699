/**
 * Webhooks: verify every common signature scheme, receive at scale, never lose an event. This
 * package holds what every part shares ({@link dev.inlet.webhooks.WebhookConfigException}); the parts:
 *
 * <ul>
 *   <li>{@code dev.inlet.webhooks.verify} (pure): the {@link dev.inlet.webhooks.verify.WebhookRequest},
 *       {@link dev.inlet.webhooks.verify.WebhookVerifier} with a {@link dev.inlet.webhooks.verify.SignatureScheme}
 *       and a {@link dev.inlet.webhooks.verify.Keyring}, giving a
 *       {@link dev.inlet.webhooks.verify.VerificationResult}; {@link dev.inlet.webhooks.verify.WebhookSigner} signs;
 *       {@link dev.inlet.webhooks.verify.SignatureSchemeSpi} for schemes of your own.</li>
 *   <li>{@code dev.inlet.webhooks.receiver}: {@link dev.inlet.webhooks.receiver.WebhookReceiver}
 *       (framework-neutral) and {@link dev.inlet.webhooks.receiver.WebhookServer} (embedded HTTP server), with
 *       deduplication, a bounded queue, retries, a dead-letter sink and the optional
 *       {@link dev.inlet.webhooks.receiver.DurableInbox}; they hand
 *       {@link dev.inlet.webhooks.receiver.WebhookEvent}s to {@link dev.inlet.webhooks.receiver.WebhookHandler}s.</li>
 *   <li>{@code dev.inlet.webhooks.routing}: {@link dev.inlet.webhooks.routing.EventRouter},
 *       {@link dev.inlet.webhooks.routing.EventActions}.</li>
 * </ul>
 */
package dev.inlet.webhooks;

import dev.inlet.webhooks.receiver.DurableInbox;
import dev.inlet.webhooks.receiver.WebhookEvent;
import dev.inlet.webhooks.receiver.WebhookHandler;
import dev.inlet.webhooks.receiver.WebhookReceiver;
import dev.inlet.webhooks.receiver.WebhookServer;
import dev.inlet.webhooks.verify.Keyring;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.SignatureSchemeSpi;
import dev.inlet.webhooks.verify.VerificationResult;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookSigner;
import dev.inlet.webhooks.verify.WebhookVerifier;
