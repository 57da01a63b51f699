package dev.inlet.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.record.Validation;
import dev.inlet.core.validation.JsonSchemaValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The format's JSON Schema: shipped in the jar, published in docs/, equal, and a valid schema. */
class SchemaTest {

    static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** The schema as a validator of definition files (as editors use it). */
    static JsonSchemaValidator formatSchema() {
        return JsonSchemaValidator.builder().schema(Definitions.schema()).build();
    }

    static Validation check(String yaml) {
        JsonNode tree = YAML.readTree(yaml);
        return formatSchema().validate(tree);
    }

    @Test
    void theJarsSchemaEqualsTheOneInDocs() throws Exception {
        Path docs = Path.of("..", "docs", "inlet-definition.schema.json");
        assertThat(Definitions.schema()).isEqualTo(Files.readString(docs, StandardCharsets.UTF_8));
    }

    @Test
    void schemaAcceptsAValidDefinitionAndRejectsAnUnknownKey() {
        String valid = """
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                auth: {type: bearer, token: "${env:ACME_TOKEN}"}
                streams:
                  items: {path: /items, records: /data, paginator: {type: offset, size: 50}}
                """;
        assertThat(check(valid).isValid()).isTrue();
        assertThat(check(valid.replace("records:", "recrods:")).isValid()).isFalse();
        assertThat(check(valid.replace("\"${env:ACME_TOKEN}\"", "sk_live_123")).isValid()).isFalse();
    }
}
