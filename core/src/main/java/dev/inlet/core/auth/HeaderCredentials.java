package dev.inlet.core.auth;

import dev.inlet.core.Headers;
import dev.inlet.core.internal.Redaction;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import java.util.Objects;
import java.util.function.Supplier;

/** A credential sent as one header value: API key headers, bearer tokens, HTTP Basic. */
final class HeaderCredentials extends RequestAuthorizing {

    private final String header;
    private final Supplier<String> value;
    private final String description;

    HeaderCredentials(Origin origin, String header, Supplier<String> value, String description) {
        super(origin);
        this.header = requireMaskedHeader(header);
        this.value = Objects.requireNonNull(value, "value");
        this.description = description;
    }

    @Override
    Request authorize(Request request) {
        return request.toBuilder().header(header, value.get()).build();
    }

    /**
     * Checks that the header is valid and that Inlet masks its values in logs: a credential in a
     * header that logs show would leak at DEBUG level.
     */
    static String requireMaskedHeader(String header) {
        Objects.requireNonNull(header, "header");
        Headers.of(header, "");
        if (!Redaction.isSensitiveHeader(header)) {
            throw new IllegalArgumentException("header '" + header + "' is not one whose values Inlet masks in "
                    + "logs, so a credential in it could be logged; use a header whose name contains 'token', "
                    + "'secret', 'api-key' or 'apikey', or Authorization");
        }
        return header;
    }

    @Override
    public String toString() {
        return "Credentials[" + description + " for " + origin() + "]";
    }
}
