package dev.inlet.spring;

import java.util.List;

/**
 * The extension point for connectors that come from somewhere other than {@link ScheduledConnector}
 * beans — such as declarative connector files, once a module for them exists (none does yet, and the
 * starter ships no implementation). Declare a bean of this type: when the starter's scheduler bean is created it asks
 * every one for its connectors and schedules them exactly like {@code ScheduledConnector} beans (schedules
 * from {@code inlet.connectors.<name>}, health under {@code inlet/connectors/<name>}). Names must be
 * unique across all sources and beans.
 */
@FunctionalInterface
public interface ConnectorSource {

    /** The connectors to schedule; called once, when the starter's scheduler bean is created. */
    List<ScheduledConnector> connectors();
}
