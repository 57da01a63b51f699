package dev.inlet.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inlet.testkit.Auth;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.RecordSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Secrets come only from references, go only to credentials, and never show. */
class SecretsTest {

    static DefinitionException loadError(String yaml) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> RestStreamTest.yaml(yaml));
        assertThat(e).isNotNull();
        return e;
    }

    @Test
    void aLiteralSecretIsRefusedNamingItsLine() {
        DefinitionException e = loadError("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                auth:
                  type: bearer
                  token: sk_live_51Habc
                streams: {a: {path: /a}}
                """);
        assertThat(e.line() + ":" + e.column() + " " + e.path()).isEqualTo("6:10 auth.token");
        assertThat(e.problem()).startsWith("a literal secret in auth.token");
        assertThat(e.getMessage()).doesNotContain("sk_live_51Habc");
    }

    @Test
    void textAroundASecretReferenceIsRefusedToo() {
        DefinitionException e = loadError("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                auth: {type: basic, username: u, password: "pw-${env:PW}"}
                streams: {a: {path: /a}}
                """);
        assertThat(e.path()).isEqualTo("auth.password");
        assertThat(e.problem()).startsWith("text around a secret reference");
    }

    @Test
    void aLiteralWebhookSecretIsRefused() {
        DefinitionException e = loadError("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                streams: {a: {path: /a}}
                webhooks:
                  path: /hooks
                  scheme: stripe
                  secret: whsec_abc
                  events: {"*": ignore}
                """);
        assertThat(e.line() + ":" + e.column()).isEqualTo("8:11");
    }

    @Test
    void aSecretInputMayOnlyStandInASecretField() {
        DefinitionException inPath = loadError("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                inputs: {key: {type: secret}}
                streams: {a: {path: "/a/${input:key}"}}
                """);
        assertThat(inPath.path()).isEqualTo("streams.a.path");
        assertThat(inPath.problem()).contains("used outside a secret field");
        DefinitionException notSecret = loadError("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                inputs: {key: {type: string}}
                auth: {type: bearer, token: "${input:key}"}
                streams: {a: {path: /a}}
                """);
        assertThat(notSecret.problem()).contains("declared as string");
        DefinitionException withDefault = loadError("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                inputs: {key: {type: secret, default: abc}}
                streams: {a: {path: /a}}
                """);
        assertThat(withDefault.path()).isEqualTo("inputs.key.default");
    }

    @Test
    void aSecretInputAuthenticatesAndNeverShows() {
        Definition definition = RestStreamTest.yaml("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                inputs: {key: {type: secret}}
                auth: {type: api_key, in: query, name: api_key, key: "${input:key}"}
                streams: {items: {path: /items, records: /data, paginator: {type: offset, size: 50}}}
                """);
        try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(3))
                .auth(Auth.apiKeyQuery("api_key", "s3cr3t-value")).start()) {
            Binding binding = Binding.builder().input("key", "s3cr3t-value").baseUrlOverride(api.baseUrl()).build();
            BoundDefinition bound = definition.bind(binding);
            assertThat(RestStreamTest.ids(bound.records("items"))).hasSize(3);
            assertThat(binding.toString()).doesNotContain("s3cr3t-value");
            assertThat(bound.toString() + definition + bound.connector("items")).doesNotContain("s3cr3t-value");
        }
    }

    @Test
    void basicWithoutAPasswordTakesTheUserNameAsTheSecret() {
        DefinitionException literal = loadError("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                auth: {type: basic, username: key_live_abc}
                streams: {a: {path: /a}}
                """);
        assertThat(literal.path()).isEqualTo("auth.username");
        assertThat(literal.problem()).startsWith("a literal secret in auth.username");
        assertThat(literal.getMessage()).doesNotContain("key_live_abc");
        Definition definition = RestStreamTest.yaml("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                auth: {type: basic, username: "${env:ACME_KEY}"}
                streams: {items: {path: /items, records: /data}}
                """);
        try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(2))
                .auth(Auth.apiKey("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "k3y-value:".getBytes(java.nio.charset.StandardCharsets.UTF_8)))).start()) {
            BoundDefinition bound = definition.bind(Binding.builder().baseUrlOverride(api.baseUrl())
                    .environment(n -> Optional.of("k3y-value")).build());
            assertThat(RestStreamTest.ids(bound.records("items"))).hasSize(2);
            assertThat(bound.toString() + definition + bound.connector("items")).doesNotContain("k3y-value");
        }
    }

    @Test
    void aWrongTypedSecretIsNotQuotedInTheError() {
        Definition definition = RestStreamTest.yaml("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                auth: {type: bearer, token: "${env:TOKEN:integer}"}
                streams: {a: {path: /a}}
                """);
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> definition.bind(
                Binding.builder().environment(n -> Optional.of("tok-abc")).build()));
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.problem()).contains("${env:TOKEN:integer} resolved to a value (not shown: a secret), which is not an integer");
        assertThat(e.getMessage()).doesNotContain("tok-abc");
    }
}
