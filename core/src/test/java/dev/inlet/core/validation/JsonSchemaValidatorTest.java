package dev.inlet.core.validation;

import static dev.inlet.core.validation.Records.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.inlet.core.record.Validation;
import dev.inlet.core.record.Violation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonSchemaValidatorTest {

    private static final JsonSchemaValidator CHARGE = JsonSchemaValidator.builder()
            .schemaResource("validation/charge.schema.json")
            .build();

    @Test
    void aValidRecordPassesUnchanged() {
        JsonNode record = json("{'id': 'ch_1', 'amount': 12.50, 'status': 'paid', "
                + "'created_at': '2024-05-01T12:00:00Z', 'email': 'jane@example.com'}");

        Validation v = CHARGE.validate(record);

        assertThat(v.violations()).isEmpty();
        assertThat(v.record()).isSameAs(record);
    }

    @Test
    void eachErrorBecomesAViolationWithPointerAndKeywordRule() {
        Validation v = CHARGE.validate(json("{'id': 'x_1', 'amount': -1, 'status': 'pending', "
                + "'created_at': 'yesterday', 'currency': 'yen', 'email': 'nope'}"));

        assertThat(v.violations()).extracting(Violation::pointer, Violation::rule).containsExactlyInAnyOrder(
                tuple("/id", "schema:pattern"),
                tuple("/amount", "schema:minimum"),
                tuple("/status", "schema:enum"),
                tuple("/created_at", "schema:format"),
                tuple("/currency", "schema:enum"),
                tuple("/email", "schema:format"));
        assertThat(v.violations()).filteredOn(x -> x.pointer().equals("/amount")).singleElement()
                .extracting(Violation::message).asString().contains("minimum value of 0");
    }

    @Test
    void aMissingRequiredFieldIsPointedAtDirectly() {
        Validation v = CHARGE.validate(json("{'amount': 1, 'status': 'paid', 'created_at': '2024-05-01T12:00:00Z'}"));

        assertThat(v.violations()).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/id", "schema:required"));
    }

    @Test
    void pointersEscapeSlashAndTildeInNames() {
        JsonSchemaValidator schema = JsonSchemaValidator.builder()
                .schema("{\"required\": [\"a/b\"], \"properties\": {\"x~y\": {\"type\": \"string\"}}}")
                .build();

        Validation v = schema.validate(json("{'x~y': 5}"));

        assertThat(v.violations()).extracting(Violation::pointer).containsExactlyInAnyOrder("/a~1b", "/x~0y");
    }

    @Test
    void aRecordOfTheWrongShapeIsRejectedNotThrown() {
        assertThat(CHARGE.validate(json("[1, 2]")).violations()).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("", "schema:type"));
        assertThat(CHARGE.validate(json("null")).isValid()).isFalse();
    }

    @Test
    void theDialectComesFromDollarSchema() {
        JsonSchemaValidator draft7 = JsonSchemaValidator.builder()
                .schemaResource("/validation/charge-draft7.schema.json").build();

        // Draft-07 semantics: array-form "items", "dependencies", numeric exclusiveMinimum.
        Validation v = draft7.validate(json("{'id': 'c', 'amount': 0, 'tags': [5], 'refund_id': 're_1'}"));

        assertThat(draft7.dialectId()).isEqualTo(SchemaDialect.DRAFT_7.id());
        assertThat(v.violations()).extracting(Violation::pointer, Violation::rule).containsExactlyInAnyOrder(
                tuple("/amount", "schema:exclusiveMinimum"),
                tuple("/tags/0", "schema:type"),
                tuple("", "schema:dependencies"));
    }

    @Test
    void withoutDollarSchemaTheConfiguredDefaultDialectApplies() {
        String schema = "{\"items\": [{\"type\": \"string\"}]}";

        JsonSchemaValidator draft7 = JsonSchemaValidator.builder().schema(schema)
                .defaultDialect(SchemaDialect.DRAFT_7).build();

        assertThat(draft7.dialectId()).isEqualTo(SchemaDialect.DRAFT_7.id());
        assertThat(draft7.validate(json("[5]")).violations()).extracting(Violation::rule)
                .containsExactly("schema:type");
        // In 2020-12 an array-valued "items" is not a schema at all: the meta-schema check refuses it.
        assertThatThrownBy(() -> JsonSchemaValidator.builder().schema(schema).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid https://json-schema.org/draft/2020-12/schema schema");
    }

    @Test
    void dollarSchemaIsRecognisedWithoutItsHashOrWithHttps() {
        JsonSchemaValidator v = JsonSchemaValidator.builder()
                .schema("{\"$schema\": \"https://json-schema.org/draft-07/schema\", \"type\": \"object\"}").build();

        assertThat(v.dialectId()).isEqualTo(SchemaDialect.DRAFT_7.id());
    }

    @Test
    void aSchemaGivenAsATreeIsCopied() {
        JsonNode tree = json("{'type': 'object', 'required': ['id']}");
        JsonSchemaValidator v = JsonSchemaValidator.builder().schema(tree).build();
        ((tools.jackson.databind.node.ObjectNode) tree).putArray("required").add("other");

        assertThat(v.validate(json("{'id': 1}")).isValid()).isTrue();
    }

    @Test
    void formatsAreAssertedByDefaultAndCanBeTurnedOff() {
        String schema = "{\"properties\": {\"t\": {\"format\": \"date-time\"}}}";

        JsonSchemaValidator asserting = JsonSchemaValidator.builder().schema(schema).build();
        JsonSchemaValidator annotating = JsonSchemaValidator.builder().schema(schema).formatAssertions(false).build();

        assertThat(asserting.validate(json("{'t': 'soon'}")).isValid()).isFalse();
        assertThat(annotating.validate(json("{'t': 'soon'}")).isValid()).isTrue();
    }

    @Test
    void referencedSchemasAreServedLocally() {
        JsonSchemaValidator v = JsonSchemaValidator.builder()
                .referencedSchema("https://schemas.example.com/money.json", json("{'type': 'string', 'pattern': '^[0-9]+$'}"))
                .schema("{\"properties\": {\"cents\": {\"$ref\": \"https://schemas.example.com/money.json\"}}}")
                .build();

        assertThat(v.validate(json("{'cents': '1250'}")).isValid()).isTrue();
        assertThat(v.validate(json("{'cents': '12.50'}")).violations()).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/cents", "schema:pattern"));
    }

    @Test
    void oneCompiledSchemaServesManyThreadsAlike() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            records.add(json("{'id': 'ch_" + i + "', 'amount': " + (i % 7 == 0 ? -i : i) + ", 'status': 'paid', "
                    + "'created_at': '2024-05-01T12:00:00Z'}"));
        }
        List<Boolean> expected = records.stream().map(r -> CHARGE.validate(r).isValid()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Boolean>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> records.stream().map(r -> CHARGE.validate(r).isValid()).toList()));
            }
            for (Future<List<Boolean>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).contains(false, true);
    }

    @Nested
    class BadSchemasFailAtBuildTime {

        @Test
        void noSchema() {
            assertThatThrownBy(() -> JsonSchemaValidator.builder().build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No schema given");
        }

        @Test
        void notJson() {
            assertThatThrownBy(() -> JsonSchemaValidator.builder().schema("{\"type\": ").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not valid JSON");
        }

        @Test
        void missingResource() {
            assertThatThrownBy(() -> JsonSchemaValidator.builder().schemaResource("validation/nope.json").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("No classpath resource 'validation/nope.json'");
        }

        @Test
        void notAnObject() {
            assertThatThrownBy(() -> JsonSchemaValidator.builder().schema("[1]").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a JSON object");
        }

        @Test
        void breaksTheMetaSchema() {
            assertThatThrownBy(() -> JsonSchemaValidator.builder().schema("{\"type\": \"objekt\"}").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a valid")
                    .hasMessageContaining("/type");
        }

        @Test
        void unknownDraft() {
            assertThatThrownBy(() -> JsonSchemaValidator.builder()
                    .schema("{\"$schema\": \"https://example.com/my-draft\"}").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown draft in $schema: 'https://example.com/my-draft'");
        }

        @Test
        void invalidRegularExpression() {
            assertThatThrownBy(() -> JsonSchemaValidator.builder()
                    .schema("{\"properties\": {\"a\": {\"pattern\": \"[\"}}}").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("/properties/a/pattern");
        }

        @Test
        void unresolvableLocalReference() {
            assertThatThrownBy(() -> JsonSchemaValidator.builder()
                    .schema("{\"properties\": {\"a\": {\"$ref\": \"#/$defs/missing\"}}}").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("could not be compiled");
        }

        @Test
        void aRemoteReferenceIsNeverFetched() throws Exception {
            // A listening socket on loopback: a fetch attempt would be accepted into its backlog.
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                server.configureBlocking(false);
                int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
                String schema = "{\"properties\": {\"a\": {\"$ref\": \"http://127.0.0.1:" + port + "/money.json\"}}}";

                assertThatThrownBy(() -> JsonSchemaValidator.builder().schema(schema).build())
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("nothing is fetched over the network");
                assertThat(server.accept()).as("connection attempted to the $ref's host").isNull();
            }
        }
    }
}
