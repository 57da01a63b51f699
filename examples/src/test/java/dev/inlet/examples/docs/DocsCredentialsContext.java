package dev.inlet.examples.docs;

import dev.inlet.core.Secret;
import dev.inlet.core.auth.AwsCredentials;
import dev.inlet.core.auth.AwsSigV4;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.http.Origin;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** What the snippets of {@code docs/credentials.md} use without declaring it (see {@link DocSnippetsTest}). */
public class DocsCredentialsContext {

    /** A secret store of the application. */
    protected interface Vault {
        Secret currentToken();
    }

    /** Where the application keeps its refresh token. */
    protected interface TokenStore {
        Secret load();

        void save(Secret rotated);
    }

    /** The page says: "In the examples, {@code api} is the API's origin". */
    protected final Origin api = Origin.of("https://api.example.com");
    protected final Credentials credentials = Credentials.bearer(api, Secret.of("token"));
    protected final Vault vault = () -> Secret.of("token");
    protected final TokenStore store = new TokenStore() {
        private volatile Secret token = Secret.of("refresh");

        @Override
        public Secret load() {
            return token;
        }

        @Override
        public void save(Secret rotated) {
            token = rotated;
        }
    };
    protected final Secret password = Secret.of("password");
    protected final byte[] loginJson = "{\"user\":\"sync\",\"password\":\"password\"}".getBytes(StandardCharsets.UTF_8);
    protected final Secret sessionToken = Secret.of("session-token");
    /** The AWS block's signer, with example keys and a fixed clock, for the explain snippet. */
    protected final AwsSigV4 aws = AwsSigV4.builder().origin(Origin.of("https://abc.execute-api.eu-west-1.amazonaws.com"))
            .region("eu-west-1").service("execute-api")
            .credentials(AwsCredentials.of("AKIDEXAMPLE", Secret.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                    sessionToken))
            .clock(Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC)).build();
    protected final Secret key = Secret.of("api-key");
    protected final Credentials hmac = credentials;
}
