package dev.inlet.examples.docs;

import dev.inlet.core.Json;
import dev.inlet.core.PageSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What the snippets of {@code docs/validation.md} use without declaring it (see {@link DocSnippetsTest}):
 * an in-memory source of raw charges, one page of a valid charge (amount and time as strings, as APIs
 * send them, currency missing) and one with a negative amount, so the quick start runs end to end.
 */
public class DocsValidationContext {

    /** The quick start's record, for the snippets after it. */
    protected record Charge(String id, BigDecimal amount, String currency, Instant created,
            Optional<String> description) {
    }

    /** The application's sink. */
    protected interface Store {
        void save(Object record);
    }

    protected final PageSource source = new OnePageSource(List.of(
            charge("{\"id\":\"ch_1\",\"amount\":\"12.50\",\"created\":1714564800,\"status\":\"paid\"}"),
            charge("{\"id\":\"ch_2\",\"amount\":-5,\"created\":1714564801,\"status\":\"paid\"}")));
    protected final Store store = record -> { };

    private static JsonNode charge(String json) {
        return Json.mapper().readTree(json);
    }
}
