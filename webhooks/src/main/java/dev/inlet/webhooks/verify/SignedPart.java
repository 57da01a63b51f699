package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.WebhookConfigException;
import java.util.Objects;

/**
 * One piece of what a {@link CustomHmac} scheme signs; the pieces are concatenated in order. For
 * example {@code timestamp(), literal("."), body()} describes Stripe-like {@code t.body}.
 * Immutable.
 */
public final class SignedPart {

    enum Kind { BODY, METHOD, URL, TIMESTAMP, HEADER, LITERAL }

    final Kind kind;
    final String text;

    private SignedPart(Kind kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    /** The raw body bytes. */
    public static SignedPart body() {
        return new SignedPart(Kind.BODY, null);
    }

    /** The HTTP method, upper case. */
    public static SignedPart method() {
        return new SignedPart(Kind.METHOD, null);
    }

    /** The full request URL as given to the verifier. */
    public static SignedPart url() {
        return new SignedPart(Kind.URL, null);
    }

    /** The timestamp header's value exactly as sent; requires {@link CustomHmac.Builder#timestampHeader}. */
    public static SignedPart timestamp() {
        return new SignedPart(Kind.TIMESTAMP, null);
    }

    /** The value of a header (empty if absent), such as a delivery id. */
    public static SignedPart header(String name) {
        if (name == null || name.isBlank()) {
            throw new WebhookConfigException("SignedPart.header: the header name is blank", "name the header");
        }
        return new SignedPart(Kind.HEADER, name);
    }

    /** Fixed text, such as a {@code "."} separator, as UTF-8. */
    public static SignedPart literal(String text) {
        Objects.requireNonNull(text, "literal text");
        return new SignedPart(Kind.LITERAL, text);
    }

    @Override
    public String toString() {
        return text == null ? kind.name().toLowerCase(java.util.Locale.ROOT)
                : kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + text + ")";
    }
}
