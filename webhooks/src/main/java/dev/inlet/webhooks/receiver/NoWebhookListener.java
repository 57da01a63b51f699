package dev.inlet.webhooks.receiver;

/** The listener that ignores everything: {@link WebhookListener#none()}. */
final class NoWebhookListener implements WebhookListener {

    static final WebhookListener INSTANCE = new NoWebhookListener();

    private NoWebhookListener() {
    }
}
