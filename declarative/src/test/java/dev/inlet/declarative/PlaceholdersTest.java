package dev.inlet.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.RecordSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every placeholder kind resolves at bind, is type-checked, and fails at its own line when it cannot. */
class PlaceholdersTest {

    static final String DEFINITION = """
            inlet: 1
            name: acme
            base_url: https://api.acme.test
            inputs:
              region: {type: string, default: eu}
              since: {type: date}
              size: {type: integer, default: "5"}
            streams:
              items:
                path: /items/${input:region}
                records: /data
                params:
                  since: ${input:since}
                  size: ${input:size}
                  tenant: ${env:TENANT}
                  note: ${file:note.txt}
                  literal: "$${not a placeholder}"
                  pages: ${env:PAGES:integer}
            """;

    static Definition definition() {
        return RestStreamTest.yaml(DEFINITION);
    }

    static java.util.function.Function<String, Optional<String>> env(Map<String, String> variables) {
        return name -> Optional.ofNullable(variables.get(name));
    }

    static Map<String, String> firstQuery(FakeApi api) {
        return api.requests().get(0).query();
    }

    @Test
    void everyKindResolvesIntoTheRequest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("note.txt"), "from a file\n");
        try (FakeApi api = FakeApi.builder().path("/items/us").records(RecordSet.generate(3)).start()) {
            BoundDefinition bound = definition().bind(Binding.builder()
                    .input("region", "us").input("since", "2026-02-01")
                    .environment(env(Map.of("TENANT", "t-1", "PAGES", "3")))
                    .baseDirectory(dir).baseUrlOverride(api.baseUrl()).build());
            assertThat(RestStreamTest.ids(bound.records("items"))).hasSize(3);
            assertThat(firstQuery(api)).containsEntry("since", "2026-02-01").containsEntry("size", "5")
                    .containsEntry("tenant", "t-1").containsEntry("note", "from a file")
                    .containsEntry("literal", "${not a placeholder}").containsEntry("pages", "3");
        }
    }

    static DefinitionException bindError(Binding.Builder binding) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> definition().bind(binding.baseUrlOverride("http://127.0.0.1:9").build()).connector("items"));
        assertThat(e).isNotNull();
        return e;
    }

    static Binding.Builder complete(Path dir) throws Exception {
        Files.writeString(dir.resolve("note.txt"), "n");
        return Binding.builder().input("since", "2026-02-01").baseDirectory(dir)
                .environment(env(Map.of("TENANT", "t", "PAGES", "3")));
    }

    @Test
    void aMissingEnvironmentVariableIsAnErrorAtItsPlaceholder(@TempDir Path dir) throws Exception {
        DefinitionException e = bindError(complete(dir).environment(name -> Optional.empty()));
        assertThat(e.line() + ":" + e.column() + " " + e.path()).isEqualTo("15:15 streams.items.params.tenant");
        assertThat(e.problem()).contains("environment variable TENANT is not set");
    }

    @Test
    void aMissingFileIsAnErrorAtItsPlaceholder(@TempDir Path dir) throws Exception {
        DefinitionException e = bindError(complete(dir).baseDirectory(dir.resolve("elsewhere")));
        assertThat(e.line() + ":" + e.column()).isEqualTo("16:13");
        assertThat(e.problem()).contains("does not exist");
    }

    @Test
    void aRequiredInputNotGivenIsAnErrorAtItsDeclaration(@TempDir Path dir) throws Exception {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> definition().bind(
                Binding.builder().build()));
        assertThat(e.line() + ":" + e.column()).isEqualTo("6:10");
        assertThat(e.problem()).isEqualTo("required input `since` was not given");
    }

    @Test
    void anInputTheDefinitionDoesNotDeclareIsRefusedWithASuggestion(@TempDir Path dir) throws Exception {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> definition().bind(
                complete(dir).input("sinc", "x").build()));
        assertThat(e.suggestion()).contains("since");
    }

    @Test
    void typedValuesAreCheckedAndQuoted(@TempDir Path dir) throws Exception {
        DefinitionException date = bindError(complete(dir).input("since", "01/02/2026"));
        assertThat(date.line()).isEqualTo(13);
        assertThat(date.problem()).isEqualTo("${input:since} resolved to \"01/02/2026\", which is not an ISO-8601 date"
                + " (2026-01-31)");
        DefinitionException integer = bindError(complete(dir).input("size", "five"));
        assertThat(integer.line()).isEqualTo(14);
        DefinitionException env = bindError(complete(dir).environment(
                env(Map.of("TENANT", "t", "PAGES", "many"))));
        assertThat(env.line()).isEqualTo(18);
        assertThat(env.problem()).contains("not an integer");
    }

    @Test
    void aDefaultMustFitItsTypeAtLoad() {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> RestStreamTest.yaml("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                inputs:
                  size: {type: integer, default: ten}
                streams: {a: {path: /a}}
                """));
        assertThat(e.line() + ":" + e.column()).isEqualTo("5:34");
    }
}
