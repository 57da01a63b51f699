package dev.inlet.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SentSecretsTest {

    @Test
    void aBasicHeaderIsScrubbedWholeEncodedDecodedAndAsItsPassword() {
        String pair = "client:pa%2Fss";
        String base64 = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        SentSecrets sent = new SentSecrets();
        sent.addHeader("Authorization", "Basic " + base64);

        assertThat(sent.scrub("got Basic " + base64)).isEqualTo("got ***");
        assertThat(sent.scrub("creds " + base64 + " and " + pair + " and pa/ss and pa%2Fss"))
                .isEqualTo("creds *** and *** and *** and ***");
    }

    @Test
    void queryValuesAreRecordedForSecretNamesOnlyAndHeadersOnlyIfTheyCarryCredentials() {
        SentSecrets sent = new SentSecrets();
        sent.addQuery(URI.create("https://api.example.com/x?appid=k%2By-1&page=2&api_key=other-k3y"), Set.of("appid"));
        sent.addHeader("Accept", "application/json");

        assertThat(sent.scrub("k+y-1 k%2By-1 other-k3y page=2 application/json"))
                .isEqualTo("*** *** *** page=2 application/json");
    }

    @Test
    void veryShortFormsAreNotRecordedAndTheRegistryNeverShowsItsForms() {
        SentSecrets sent = new SentSecrets();
        sent.addSecret("abc");
        sent.addSecret("s3cr3t-value");

        assertThat(sent.scrub("abc s3cr3t-value")).isEqualTo("abc ***");
        assertThat(sent.toString()).doesNotContain("s3cr3t");
    }
}
