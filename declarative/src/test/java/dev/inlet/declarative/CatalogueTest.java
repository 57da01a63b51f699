package dev.inlet.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.record.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalogue entry: listed in the index, loads, passes the format's JSON Schema (as an editor
 * checks it), and binds with placeholder values. Adding an entry is dropping its file into the folder and
 * its name into index.txt; {@code replica.CatalogueReplicaTest} then runs its streams against a replica.
 */
class CatalogueTest {

    static final Path FOLDER = Path.of("src/main/resources", Catalogue.FOLDER);

    static List<String> entries() {
        return Catalogue.names();
    }

    @Test
    void theIndexListsExactlyTheFilesOfTheFolder() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(FOLDER)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }
        assertThat(Catalogue.names()).isEqualTo(files).contains("stripe", "shopify", "hubspot", "github");
    }

    @ParameterizedTest
    @MethodSource("entries")
    void entryLoadsAndPassesTheFormatsSchema(String service) throws IOException {
        Definition definition = Catalogue.load(service);
        assertThat(definition.name()).isEqualTo(service);
        assertThat(definition.streams()).isNotEmpty();
        assertThat(definition.description()).isPresent();
        Validation validation;
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(Catalogue.FOLDER + service
                + ".yaml")) {
            validation = SchemaTest.formatSchema().validate(SchemaTest.YAML.readTree(in));
        }
        assertThat(validation.violations()).as(service + " against the format's schema").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("entries")
    void entryBindsWithEveryInputAndVariableGiven(String service) {
        Definition definition = Catalogue.load(service);
        Binding.Builder binding = Binding.builder()
                .environment(name -> java.util.Optional.of("test-" + name.toLowerCase(java.util.Locale.ROOT)))
                .baseUrlOverride("http://127.0.0.1:9");
        for (InputDefinition input : definition.inputs()) {
            // An input with a URL default (an API host) keeps a URL: the token URL is built from it.
            binding.input(input.name(), input.defaultValue().filter(d -> d.startsWith("http")).isPresent()
                    ? "http://127.0.0.1:9" : switch (input.type()) {
                        case "integer" -> "1";
                        case "date" -> "2026-01-01";
                        case "date_time" -> "2026-01-01T00:00:00Z";
                        default -> "x";
                    });
        }
        BoundDefinition bound = definition.bind(binding.build());
        for (String stream : definition.streams()) {
            if (definition.stream(stream).orElseThrow().parent().isEmpty()) {
                assertThat(bound.connector(stream).name()).isEqualTo(service + "-" + stream);
            }
        }
    }

    @Test
    void anUnknownEntrySuggestsTheNearestName() {
        DefinitionException e = org.assertj.core.api.Assertions.catchThrowableOfType(DefinitionException.class,
                () -> Catalogue.load("strpe"));
        assertThat(e.suggestion()).contains("stripe");
    }
}
