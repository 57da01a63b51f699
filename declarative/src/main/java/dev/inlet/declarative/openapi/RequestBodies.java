package dev.inlet.declarative.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Drafts the JSON body of a POST list operation, one that takes its cursor in the request body (Plaid's
 * {@code /transactions/sync}): credentials from the environment, other identifiers the operation needs as
 * inputs, the page size at the document's maximum; the cursor field is the paginator's, so it is left out.
 * Anything else the body requires is named in a note for a person to fill in: a draft never invents values.
 */
final class RequestBodies {

    private static final List<String> SECRETS = List.of("secret", "client_secret", "password", "access_token",
            "api_key", "apikey", "token", "refresh_token", "private_key", "api_secret");
    private static final int LARGEST_PAGE = 1_000;

    private final Schemas schemas;
    private final String envPrefix;

    RequestBodies(Schemas schemas, String envPrefix) {
        this.schemas = schemas;
        this.envPrefix = envPrefix;
    }

    /** The body's cursor field (a property named like a cursor parameter), if it has one. */
    @SuppressWarnings("rawtypes")
    Optional<String> cursorField(Schema request) {
        Map<String, Schema> fields = schemas.properties(request);
        for (String candidate : Pagination.CURSOR_PARAMS) {
            for (String name : fields.keySet()) {
                if (name.toLowerCase(Locale.ROOT).equals(candidate)) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    /** Fills the draft's body from the request schema, leaving out the cursor field. */
    @SuppressWarnings("rawtypes")
    void draft(StreamDraft draft, Schema request, String cursorField) {
        List<?> required = request.getRequired() == null ? List.of() : request.getRequired();
        schemas.properties(request).forEach((name, schema) -> {
            if (name.equals(cursorField)) {
                return;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            Schema s = schemas.resolve(schema);
            String type = s == null ? null : s.getType() != null ? s.getType()
                    : s.getTypes() != null && !s.getTypes().isEmpty() ? String.valueOf(s.getTypes().iterator().next()) : null;
            boolean isRequired = required.contains(name);
            if (SECRETS.contains(lower) || lower.endsWith("_secret") || lower.endsWith("_token")) {
                String env = (envPrefix + "_" + Names.slug(name)).toUpperCase(Locale.ROOT).replace('-', '_');
                draft.body.put(name, new StreamDraft.Guess("${env:" + env + "}", "a credential: from the environment"));
            } else if ("string".equals(type) && (isRequired || lower.equals("client_id"))) {
                String input = Names.slug(name).isEmpty() ? "body_field" : Names.slug(name);
                draft.body.put(name, new StreamDraft.Guess("${input:" + input + "}",
                        isRequired ? "required by the document" : "identifies the caller"));
                draft.bodyInputs.put(input, "body field `" + name + "` of " + draft.path);
            } else if ("integer".equals(type) && Pagination.SIZE_PARAMS.contains(lower)) {
                draft.body.put(name, new StreamDraft.Guess(String.valueOf(pageSize(s)), "the page size: "
                        + (s.getMaximum() != null ? "the document's maximum" : "the document gives no maximum")));
            } else if (isRequired) {
                draft.notes.add("required body field `" + name + "` (" + (type == null ? "no type" : type)
                        + ") left out: add it to the body");
            }
        });
    }

    @SuppressWarnings("rawtypes")
    private static long pageSize(Schema size) {
        BigDecimal maximum = size.getMaximum();
        if (maximum != null && maximum.compareTo(BigDecimal.ONE) >= 0
                && maximum.compareTo(BigDecimal.valueOf(LARGEST_PAGE)) <= 0) {
            return maximum.longValue();
        }
        return size.getDefault() instanceof Number n && n.longValue() >= 1 ? n.longValue() : 100;
    }
}
