package dev.inlet.declarative;

import static dev.inlet.declarative.LoadErrorsTest.at;
import static dev.inlet.declarative.LoadErrorsTest.stream;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code request_body_cursor} paginator's keys, and what a definition must have for it, checked at load. */
class RequestBodyCursorDefinitionTest {

    private static final String PAGINATOR = "paginator: {type: request_body_cursor, body_field: /cursor, "
            + "cursor: /next_cursor, has_more: /has_more}";

    @Test
    void aStreamWithoutABodyIsAnErrorAtItsPaginator() {
        DefinitionException e = stream("path: /transactions/sync\nmethod: POST\n" + PAGINATOR);
        at(e, 8, 16, "streams.charges.paginator");
        assertThat(e.problem()).contains("writes the cursor into the POST body", "no body");
        assertThat(e.expected()).get().asString().contains("method: POST and body: a mapping");
    }

    @Test
    void aBodyThatIsNotAMappingIsAnErrorAtTheBody() {
        DefinitionException e = stream("path: /s\nmethod: POST\nbody: [1, 2]\n" + PAGINATOR);
        at(e, 8, 11, "streams.charges.body");
        assertThat(e.problem()).contains("a body that is");
    }

    @Test
    void bodyFieldAndCursorAreRequiredAndPointers() {
        DefinitionException missing = stream("path: /s\nmethod: POST\nbody: {a: 1}\n"
                + "paginator: {type: request_body_cursor, cursor: /next_cursor}");
        assertThat(missing.getMessage()).contains("body_field");
        DefinitionException notAPointer = stream("path: /s\nmethod: POST\nbody: {a: 1}\n"
                + "paginator: {type: request_body_cursor, body_field: cursor, cursor: /next_cursor}");
        assertThat(notAPointer.problem()).contains("`cursor` is not a JSON Pointer");
        assertThat(notAPointer.suggestion()).contains("/cursor");
        DefinitionException whole = stream("path: /s\nmethod: POST\nbody: {a: 1}\n"
                + "paginator: {type: request_body_cursor, body_field: \"\", cursor: /next_cursor}");
        assertThat(whole.problem()).contains("cannot be the whole body");
    }

    @Test
    void firstCursorIsOneOfOmitNullEmptyAndSizeDoesNotApply() {
        DefinitionException first = stream("path: /s\nmethod: POST\nbody: {a: 1}\npaginator: {type: "
                + "request_body_cursor, body_field: /cursor, cursor: /n, first_cursor: nul}");
        assertThat(first.getMessage()).contains("omit, null, empty");
        assertThat(first.suggestion()).contains("null");
        DefinitionException size = stream("path: /s\nmethod: POST\nbody: {a: 1}\npaginator: {type: "
                + "request_body_cursor, body_field: /cursor, cursor: /n, size: 50}");
        assertThat(size.problem()).contains("`size` does not apply to a request_body_cursor paginator");
    }

    @Test
    void continueFromIsAPointerToAFieldAndOnlyForTypesWhoseTokensItCanGive() {
        DefinitionException notAPointer = stream("path: /s\nmethod: POST\nbody: {a: 1}\n" + PAGINATOR.replace("}",
                ", continue_from: next_cursor}"));
        assertThat(notAPointer.problem()).contains("`next_cursor` is not a JSON Pointer");
        assertThat(notAPointer.suggestion()).contains("/next_cursor");
        DefinitionException whole = stream("path: /s\nmethod: POST\nbody: {a: 1}\n" + PAGINATOR.replace("}",
                ", continue_from: \"\"}"));
        assertThat(whole.problem()).contains("cannot continue from the whole body");
        DefinitionException offset = stream("path: /s\npaginator: {type: offset, continue_from: /next}");
        assertThat(offset.problem()).contains("`continue_from` does not apply to a offset paginator");
    }

    @Test
    void aValidStreamLoadsAndPassesTheSchema() {
        String yaml = LoadErrorsTest.HEAD + """
                streams:
                  transactions:
                    method: POST
                    path: /transactions/sync
                    body: {client_id: "${env:ID}", secret: "${env:SECRET}", count: 100}
                    records: /added
                    paginator: {type: request_body_cursor, body_field: /options/cursor, cursor: /next_cursor,
                      first_cursor: "null", continue_from: /next_cursor}
                """;
        Definition definition = Definitions.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "ok.yaml");
        assertThat(definition.stream("transactions")).get().extracting(StreamDefinition::paginator)
                .isEqualTo("request_body_cursor");
        assertThat(SchemaTest.check(yaml).violations()).isEmpty();
        assertThat(SchemaTest.check(yaml.replace("\"null\"", "nil")).violations()).isNotEmpty();
        assertThat(SchemaTest.check(yaml.replace("/next_cursor}", "7}")).violations()).as("continue_from is a pointer")
                .isNotEmpty();
    }
}
