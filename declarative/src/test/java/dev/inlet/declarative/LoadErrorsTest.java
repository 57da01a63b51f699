package dev.inlet.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every load error names file, line and column, the JSON path, what was expected and, for a near
 * miss, a suggestion. Each test asserts the exact line:column.
 */
class LoadErrorsTest {

    static final String HEAD = """
            inlet: 1
            name: acme
            base_url: https://api.acme.test
            """;

    static DefinitionException error(String yaml) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> Definitions.load(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "bad.yaml"));
        assertThat(e).as("a DefinitionException for:\n" + yaml).isNotNull();
        assertThat(e.file()).isEqualTo("bad.yaml");
        assertThat(e.getMessage()).startsWith("bad.yaml:" + e.line() + ":" + e.column() + ": ");
        return e;
    }

    static DefinitionException stream(String body) {
        return error(HEAD + "streams:\n  charges:\n" + body.indent(4));
    }

    static void at(DefinitionException e, int line, int column, String path) {
        assertThat(e.line() + ":" + e.column() + " " + e.path()).as(e.getMessage())
                .isEqualTo(line + ":" + column + " " + path);
    }

    @Test
    void unknownKeyInAStreamSuggestsTheNearestKnownKey() {
        DefinitionException e = stream("path: /v1/charges\nrecrods: /data");
        at(e, 7, 5, "streams.charges.recrods");
        assertThat(e.suggestion()).contains("records");
        assertThat(e.getMessage()).startsWith("bad.yaml:7:5: streams.charges.recrods: unknown key `recrods`")
                .endsWith("did you mean `records`?");
    }

    @Test
    void unknownTopLevelKeySuggestsTheNearestKnownKey() {
        DefinitionException e = error(HEAD + "strems:\n  a: {path: /a}\n");
        at(e, 4, 1, "strems");
        assertThat(e.suggestion()).contains("streams");
    }

    @Test
    void unknownPaginatorTypeNamesItsLineAndTheTypes() {
        DefinitionException e = stream("path: /v1/charges\npaginator:\n  type: ofset");
        at(e, 8, 13, "streams.charges.paginator.type");
        assertThat(e.expected()).get().asString().contains("offset, page_number");
        assertThat(e.suggestion()).contains("offset");
    }

    @Test
    void aPaginatorKeyTheTypeDoesNotReadIsAnError() {
        DefinitionException e = stream("path: /a\npaginator: {type: offset, cursor: /next}");
        at(e, 7, 31, "streams.charges.paginator.cursor");
        assertThat(e.problem()).contains("does not apply to a offset paginator");
    }

    @Test
    void yamlSyntaxErrorsCarryTheParsersPosition() {
        DefinitionException e = error(HEAD + "streams:\n  a: {path: /a\n");
        assertThat(e.line()).isGreaterThanOrEqualTo(5);
        assertThat(e.problem()).startsWith("not valid YAML or JSON");
    }

    @Test
    void emptyFileMultipleDocumentsAliasesAndDuplicateKeysAreRefused() {
        at(error(""), 1, 1, "");
        at(error(HEAD + "streams: {a: {path: /a}}\n---\ninlet: 1\n"), 6, 1, "");
        DefinitionException alias = error(HEAD + "paginators:\n  p: &p {type: link_header}\nstreams:\n  a: {path: /a, "
                + "paginator: *p}\n");
        at(alias, 7, 28, "streams.a.paginator");
        DefinitionException duplicate = error(HEAD + "streams:\n  a: {path: /a}\n  a: {path: /b}\n");
        at(duplicate, 6, 3, "streams.a");
        assertThat(duplicate.problem()).contains("first at line 5");
    }

    @Test
    void versionNameAndBaseUrlAreChecked() {
        at(error("inlet: 2\nname: acme\nbase_url: https://a.test\nstreams: {a: {path: /a}}\n"), 1, 8, "inlet");
        at(error("inlet: 1\nname: Acme Co\nbase_url: https://a.test\nstreams: {a: {path: /a}}\n"), 2, 7, "name");
        at(error("inlet: 1\nname: acme\nbase_url: ftp://a.test\nstreams: {a: {path: /a}}\n"), 3, 11, "base_url");
        DefinitionException missing = error("inlet: 1\nname: acme\nbase_url: https://a.test\n");
        at(missing, 1, 1, "streams");
        assertThat(missing.problem()).isEqualTo("missing required key `streams`");
    }

    @Test
    void valuesOfTheWrongKindAreErrors() {
        at(stream("path: /a\npaginator: {type: offset, size: ten}"), 7, 37, "streams.charges.paginator.size");
        at(stream("path: /a\npaginator: {type: offset, size: 0}"), 7, 37, "streams.charges.paginator.size");
        at(stream("path: /a\npaginator: {type: body_cursor, cursor: /c, absent_means_end: yes}"), 7, 66,
                "streams.charges.paginator.absent_means_end");
        at(stream("path: [/a]"), 6, 11, "streams.charges.path");
        at(stream("path: /a\nparams: [a, b]"), 7, 13, "streams.charges.params");
        at(stream("path: /a\nmethod: PUT"), 7, 13, "streams.charges.method");
        at(stream("path: /a\nbody: {a: 1}"), 7, 11, "streams.charges.body");
    }

    @Test
    void pointersMustBeJsonPointers() {
        DefinitionException e = stream("path: /a\nrecords: data");
        at(e, 7, 14, "streams.charges.records");
        assertThat(e.suggestion()).contains("/data");
    }

    @Test
    void sharedPaginatorReferencesAreChecked() {
        DefinitionException unknown = error(HEAD + "paginators:\n  standard: {type: link_header}\nstreams:\n"
                + "  a: {path: /a, paginator: {use: standrd}}\n");
        at(unknown, 7, 34, "streams.a.paginator.use");
        assertThat(unknown.suggestion()).contains("standard");
        DefinitionException chained = error(HEAD + "paginators:\n  a: {type: link_header}\n  b: {use: a}\n"
                + "streams:\n  s: {path: /a}\n");
        at(chained, 6, 12, "paginators.b.use");
        assertThat(chained.problem()).isEqualTo("a shared paginator cannot `use` another");
    }

    @Test
    void authIsChecked() {
        at(error(HEAD + "auth: {token: \"${env:T}\"}\nstreams: {a: {path: /a}}\n"), 4, 7, "auth");
        DefinitionException irrelevant = error(HEAD + "auth: {type: bearer, token: \"${env:T}\", username: u}\n"
                + "streams: {a: {path: /a}}\n");
        at(irrelevant, 4, 41, "auth.username");
        DefinitionException type = error(HEAD + "auth: {type: baerer}\nstreams: {a: {path: /a}}\n");
        assertThat(type.suggestion()).contains("bearer");
    }

    @Test
    void placeholdersAreCheckedAtLoad() {
        at(stream("path: /a/${envv:X}"), 6, 11, "streams.charges.path");
        assertThat(stream("path: /a/${envv:X}").suggestion()).contains("env");
        at(stream("path: /a/${env:X"), 6, 11, "streams.charges.path");
        at(stream("path: /a/${env}"), 6, 11, "streams.charges.path");
        at(stream("path: /a/${env:X:int}"), 6, 11, "streams.charges.path");
        DefinitionException undeclared = error(HEAD + "inputs: {owner: {type: string}}\nstreams:\n"
                + "  a: {path: \"/repos/${input:ownr}\"}\n");
        at(undeclared, 6, 13, "streams.a.path");
        assertThat(undeclared.suggestion()).contains("owner");
        at(stream("path: /a/${parent:/id}"), 6, 11, "streams.charges.path");
    }

    @Test
    void streamReferencesAreChecked() {
        DefinitionException parent = error(HEAD + "streams:\n  repos: {path: /r}\n  issues:\n"
                + "    path: /i/${parent:/id}\n    parent: {stream: repo}\n");
        at(parent, 8, 13, "streams.issues.parent");
        assertThat(parent.suggestion()).contains("repos");
        DefinitionException nested = error(HEAD + "streams:\n  a: {path: /a}\n  b: {path: /b, parent: {stream: a}}\n"
                + "  c: {path: /c, parent: {stream: b}}\n");
        at(nested, 7, 25, "streams.c.parent");
        DefinitionException incremental = error(HEAD + "streams:\n  a: {path: /a}\n  b:\n    path: /b\n"
                + "    parent: {stream: a}\n    incremental: {cursor_field: /u, param: since}\n");
        at(incremental, 9, 18, "streams.b.incremental");
    }

    @Test
    void validationIsCheckedAtLoad() {
        DefinitionException schema = stream("path: /a\nschema: {type: object, properties: {id: {type: strnig}}}");
        at(schema, 7, 13, "streams.charges.schema");
        assertThat(schema.problem()).startsWith("invalid JSON Schema");
        at(stream("path: /a\nschema: {type: object}\nrules: {required: [/id]}"), 8, 12, "streams.charges.rules");
        DefinitionException type = stream("path: /a\nrules: {types: {/amount: nummber}}");
        at(type, 7, 30, "streams.charges.rules.types./amount");
        assertThat(type.suggestion()).contains("number");
        at(stream("path: /a\non_invalid: skip"), 7, 17, "streams.charges.on_invalid");
        DefinitionException pattern = stream("path: /a\nrules: {pattern: {/a: \"[\"}}");
        at(pattern, 7, 27, "streams.charges.rules.pattern./a");
        assertThat(pattern.getMessage()).doesNotContain("\n");
    }

    @Test
    void durationsAndRangesAreChecked() {
        at(error(HEAD + "rate_limit: {requests: 5, per: soon}\nstreams: {a: {path: /a}}\n"), 4, 32,
                "rate_limit.per");
        at(error(HEAD + "retry: {max_attempts: 0}\nstreams: {a: {path: /a}}\n"), 4, 23, "retry.max_attempts");
        at(error(HEAD + "retry: {statuses: [700]}\nstreams: {a: {path: /a}}\n"), 4, 19, "retry.statuses");
    }

    @Test
    void graphqlStreamsAreChecked() {
        at(stream("path: /g\ngraphql: {query: \"{a}\", connection: \"a..b\"}"), 7, 41,
                "streams.charges.graphql.connection");
        at(stream("path: /g\ngraphql: {query: \"{a}\", connection: a}\npaginator: {type: link_header}"), 8, 16,
                "streams.charges.paginator");
    }

    @Test
    void aMissingFileAndAMissingResourceAreErrorsOfTheFile() {
        DefinitionException file = catchThrowableOfType(DefinitionException.class,
                () -> Definitions.load(Path.of("no-such-definition.yaml")));
        assertThat(file.line()).isZero();
        assertThat(file.problem()).isEqualTo("the file does not exist");
        DefinitionException resource = catchThrowableOfType(DefinitionException.class,
                () -> Definitions.loadResource("no/such.yaml"));
        assertThat(resource.file()).isEqualTo("no/such.yaml");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeParsing() {
        byte[] huge = new byte[(4 << 20) + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> Definitions.load(new ByteArrayInputStream(huge), "huge.yaml"));
        assertThat(e.problem()).contains("larger than");
    }
}
