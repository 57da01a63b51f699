package dev.inlet.examples.docs;

import dev.inlet.core.Connector;
import dev.inlet.core.state.Checkpointing;
import dev.inlet.core.state.IncrementalSync;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * What the snippets of {@code docs/state-and-scheduling.md} use without declaring it (see
 * {@link DocSnippetsTest}): the connectors and syncs the page's earlier snippets build. Compile-only.
 */
public class DocsStateAndSchedulingContext {

    /** The application's stores. */
    protected interface Warehouse {
        void insert(JsonNode record);

        void insertCharge(JsonNode charge);
    }

    protected interface Crm {
        void upsert(JsonNode contact);
    }

    protected interface Helpdesk {
        void store(JsonNode ticket);
    }

    protected interface Metrics {
        void record(String job, long records, long rejected, Duration took);
    }

    protected Connector<JsonNode> charges;
    protected Connector<JsonNode> orders;
    protected Connector<JsonNode> tickets;
    protected Connector<JsonNode> crmContacts;
    protected Checkpointing<JsonNode> sync;
    protected IncrementalSync<JsonNode> contacts;
    protected String shop = "https://shop.example.com";
    protected Warehouse warehouse;
    protected Crm crm;
    protected Helpdesk helpdesk;
    protected Metrics metrics;
}
