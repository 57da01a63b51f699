package dev.inlet.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void credentialLikeQueryValuesAndUserInfoAreMasked() {
        String shown = Redaction.uri(URI.create(
                "https://user:pw@api.example.com:8443/v1/x?limit=10&api_key=k1&access_token=t1&Signature=s1&cursor=c"));
        assertThat(shown).isEqualTo(
                "https://api.example.com:8443/v1/x?limit=10&api_key=***&access_token=***&Signature=***&cursor=c");
    }

    @Test
    void parametersNamedByACredentialAreMaskedToo() {
        assertThat(Redaction.uri(URI.create("https://h/x?hapikey=1&appid=2&q=3"), Set.of("appid")))
                .isEqualTo("https://h/x?hapikey=***&appid=***&q=3");
    }

    @Test
    void headerValuesAreMaskedByName() {
        assertThat(Redaction.headerValue("Authorization", "Basic abc")).isEqualTo(Redaction.MASK);
        assertThat(Redaction.headerValue("X-Custom-Token", "abc")).isEqualTo(Redaction.MASK);
        assertThat(Redaction.headerValue("Accept", "text/csv")).isEqualTo("text/csv");
    }
}
