package dev.inlet.examples.demo;

import dev.inlet.report.RefusedDelivery;
import java.util.List;

/**
 * What the demo's webhook sender saw.
 *
 * @param sent deliveries posted (repeats and forgeries included)
 * @param ok deliveries answered 2xx (a repeat is answered 200 without reaching the handler)
 * @param refused deliveries answered 4xx (the forgeries)
 * @param handled events that reached the handler (known once the receiver has drained)
 * @param refusedDeliveries the refused deliveries, for the report
 */
public record WebhookTally(int sent, int ok, int refused, int handled, List<RefusedDelivery> refusedDeliveries) {

    /** Copies the list. */
    public WebhookTally {
        refusedDeliveries = List.copyOf(refusedDeliveries);
    }

    /** The same tally with the final handled count. */
    WebhookTally handled(int count) {
        return new WebhookTally(sent, ok, refused, count, refusedDeliveries);
    }
}
