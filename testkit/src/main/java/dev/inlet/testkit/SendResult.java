package dev.inlet.testkit;

import dev.inlet.webhooks.verify.WebhookRequest;
import java.util.List;

/**
 * What a {@link WebhookSender} send did: the signed request and the status of every attempt
 * (0 when the connection failed). Immutable.
 *
 * @param request the signed request, as sent (replay it with {@link WebhookSender#replay(SendResult)})
 * @param statuses each attempt's status, in order
 */
public record SendResult(WebhookRequest request, List<Integer> statuses) {

    /** Copies the list. */
    public SendResult {
        statuses = List.copyOf(statuses);
    }

    /** The last attempt's status. */
    public int status() {
        return statuses.get(statuses.size() - 1);
    }

    /** True if the last attempt got a 2xx. */
    public boolean delivered() {
        return status() >= 200 && status() < 300;
    }

    /** How many attempts were made. */
    public int attempts() {
        return statuses.size();
    }
}
