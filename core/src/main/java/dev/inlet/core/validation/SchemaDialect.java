package dev.inlet.core.validation;

import com.networknt.schema.SpecificationVersion;
import java.util.Optional;

/**
 * The JSON Schema drafts a {@link JsonSchemaValidator} assumes for schemas that do not name one in
 * {@code $schema}. A schema that does name one is read as that draft (draft-04 and draft-06 too).
 */
public enum SchemaDialect {
    /** Draft-07, {@code http://json-schema.org/draft-07/schema#}. */
    DRAFT_7(SpecificationVersion.DRAFT_7),
    /** Draft 2019-09, {@code https://json-schema.org/draft/2019-09/schema}. */
    DRAFT_2019_09(SpecificationVersion.DRAFT_2019_09),
    /** Draft 2020-12, {@code https://json-schema.org/draft/2020-12/schema}: the default. */
    DRAFT_2020_12(SpecificationVersion.DRAFT_2020_12);

    private final SpecificationVersion version;

    SchemaDialect(SpecificationVersion version) {
        this.version = version;
    }

    /** The dialect's identifier, the value of {@code $schema} that selects it. */
    public String id() {
        return version.getDialectId();
    }

    SpecificationVersion version() {
        return version;
    }

    /**
     * The draft a {@code $schema} value names, among all the drafts the library reads (draft-04
     * onwards), ignoring a trailing {@code #} and the http/https difference people often get wrong.
     */
    static Optional<SpecificationVersion> named(String schemaUri) {
        String wanted = normalise(schemaUri);
        for (SpecificationVersion candidate : SpecificationVersion.values()) {
            if (normalise(candidate.getDialectId()).equals(wanted)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String uri) {
        String out = uri.trim();
        if (out.endsWith("#")) {
            out = out.substring(0, out.length() - 1);
        }
        return out.startsWith("https://") ? "http://" + out.substring("https://".length()) : out;
    }
}
