package dev.inlet.examples.docs;

import dev.inlet.core.PageSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** What the snippets of {@code docs/validation.md} use without declaring it (see {@link DocSnippetsTest}). */
public class DocsValidationContext {

    /** The quick start's record, for the snippets after it. */
    protected record Charge(String id, BigDecimal amount, String currency, Instant created,
            Optional<String> description) {
    }

    /** The application's sink. */
    protected interface Store {
        void save(Object record);
    }

    /** Any source; compile-only. */
    protected PageSource source;
    protected final Store store = record -> { };
}
