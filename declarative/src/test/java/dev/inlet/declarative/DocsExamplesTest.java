package dev.inlet.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole definitions in docs/definitions.md load, and pass the format's JSON Schema. */
class DocsExamplesTest {

    static List<String> definitionsIn(Path markdown) throws Exception {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
            if (block == null && line.equals("```yaml")) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                if (block.toString().startsWith("inlet: 1")) {
                    blocks.add(block.toString());
                }
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    @Test
    void everyWholeDefinitionOfTheReferenceLoads() throws Exception {
        List<String> definitions = definitionsIn(Path.of("..", "docs", "definitions.md"));
        assertThat(definitions).isNotEmpty();
        for (String yaml : definitions) {
            Definition definition = Definitions.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                    "definitions.md");
            assertThat(definition.streams()).isNotEmpty();
            assertThat(SchemaTest.check(yaml).violations()).as(yaml).isEmpty();
        }
    }
}
