package dev.inlet.examples.docs;

import java.math.BigDecimal;

/** What the snippets of {@code README.md} use without declaring it (see {@link DocSnippetsTest}). */
public class ReadmeContext {

    /** The quick start's record type, as the README describes it under the snippet. */
    protected record Charge(String id, BigDecimal amount, String currency) {
    }

    /** The application's own sink. */
    protected void store(Object record) {
    }
}
