package dev.inlet.webhooks.routing;

/**
 * Asks the host to refresh a named connector now, such as a scheduler's {@code runNow}: the link
 * from "a purchase happened" to "pull the new orders". Wire it with
 * {@link EventActions#refresh(RefreshTrigger, String, String...)}.
 */
@FunctionalInterface
public interface RefreshTrigger {

    /**
     * Requests a refresh; should return quickly (queue the run, do not perform it inline).
     *
     * @throws Exception to have the event retried or dead-lettered
     */
    void refresh(String connectorName) throws Exception;
}
