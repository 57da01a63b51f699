package dev.inlet.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every load error names file, line and column, the JSON path, what was expected and a suggestion. */
class LoadErrorsTest {

    static DefinitionException error(String yaml) {
        return catchThrowableOfType(DefinitionException.class, () -> Definitions.load(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "bad.yaml"));
    }

    static final String HEAD = """
            inlet: 1
            name: acme
            base_url: https://api.acme.test
            """;

    @Test
    void unknownKeyInAStreamSuggestsTheNearestKnownKey() {
        DefinitionException e = error(HEAD + """
                streams:
                  charges:
                    path: /v1/charges
                    recrods: /data
                """);
        assertThat(e.file()).isEqualTo("bad.yaml");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.path()).isEqualTo("streams.charges.recrods");
        assertThat(e.suggestion()).contains("records");
        assertThat(e.getMessage()).startsWith("bad.yaml:7:5: streams.charges.recrods: unknown key `recrods`")
                .endsWith("did you mean `records`?");
    }

    @Test
    void unknownPaginatorTypeNamesItsLineAndTheTypes() {
        DefinitionException e = error(HEAD + """
                streams:
                  charges:
                    path: /v1/charges
                    paginator:
                      type: ofset
                """);
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.column()).isEqualTo(13);
        assertThat(e.path()).isEqualTo("streams.charges.paginator.type");
        assertThat(e.expected()).get().asString().contains("offset, page_number");
        assertThat(e.suggestion()).contains("offset");
    }
}
