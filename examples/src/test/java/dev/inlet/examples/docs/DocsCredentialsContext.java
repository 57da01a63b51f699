package dev.inlet.examples.docs;

import dev.inlet.core.Secret;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.http.Origin;
import java.nio.charset.StandardCharsets;

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
    protected final Secret key = Secret.of("api-key");
    protected final Credentials hmac = credentials;
}
