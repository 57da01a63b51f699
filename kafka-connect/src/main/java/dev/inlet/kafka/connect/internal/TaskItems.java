package dev.inlet.kafka.connect.internal;

import dev.inlet.core.Json;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.ConfigException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** <b>Internal</b>: a task's work items in its configuration ({@link SourceConfig#TASK_ITEMS}), as JSON. */
public final class TaskItems {

    private TaskItems() {
    }

    /** The items as the JSON text of a task configuration. */
    public static String write(List<WorkItem> items) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (WorkItem item : items) {
            array.addObject().put("tenant", item.tenant()).put("stream", item.stream()).put("key", item.key());
        }
        return Json.mapper().writeValueAsString(array);
    }

    /**
     * Reads the items of a task configuration.
     *
     * @throws ConfigException if the text is not what {@link #write(List)} wrote
     */
    public static List<WorkItem> read(String text) {
        try {
            JsonNode array = Json.mapper().readTree(text);
            if (!array.isArray()) {
                throw new ConfigException(SourceConfig.TASK_ITEMS, text, "not a JSON array of work items");
            }
            List<WorkItem> items = new ArrayList<>();
            for (JsonNode item : array.values()) {
                items.add(new WorkItem(item.path("tenant").asString(), item.path("stream").asString(),
                        item.path("key").asString()));
            }
            return items;
        } catch (JacksonException e) {
            throw new ConfigException(SourceConfig.TASK_ITEMS, text, "not JSON: " + e.getOriginalMessage());
        }
    }
}
