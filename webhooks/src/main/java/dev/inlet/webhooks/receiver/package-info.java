/**
 * Receiving webhooks: {@link dev.inlet.webhooks.receiver.WebhookReceiver} verifies each request with
 * its endpoint's verifier, deduplicates, answers, and hands the
 * {@link dev.inlet.webhooks.receiver.WebhookEvent} to a {@link dev.inlet.webhooks.receiver.WebhookHandler}
 * on a bounded queue with retries and a dead-letter sink; {@link dev.inlet.webhooks.receiver.WebhookServer}
 * serves it over HTTP. The {@link dev.inlet.webhooks.receiver.DurableInbox} is here too: the receiver
 * drives its journal (append, done, recovery), and events are made only in this package.
 */
package dev.inlet.webhooks.receiver;
