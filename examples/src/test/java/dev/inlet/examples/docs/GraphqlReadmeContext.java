package dev.inlet.examples.docs;

import dev.inlet.core.Secret;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.http.Origin;
import dev.inlet.graphql.GraphQlClient;
import dev.inlet.graphql.GraphQlOperation;
import dev.inlet.graphql.GraphQlResponse;
import java.math.BigDecimal;

/**
 * What the snippets of {@code graphql/README.md} use without declaring it (see {@link DocSnippetsTest}).
 * The URL and tokens are real, so the snippets that only build clients run; the rest is compile-only.
 */
public class GraphqlReadmeContext {

    protected record Order(String id, String number, BigDecimal totalPrice) {
    }

    protected record PageInfo(boolean hasNextPage, String endCursor) {
    }

    protected record Tag(String name) {
    }

    protected final String url = "https://api.example.com/graphql";
    protected final Credentials bearerToken = Credentials.bearer(Origin.of(url), Secret.of("token"));
    protected final Credentials shopifyToken = Credentials.apiKeyHeader(
            Origin.of("https://my-shop.myshopify.com"), "X-Shopify-Access-Token", Secret.of("shpat_token"));
    protected GraphQlClient client;
    protected GraphQlOperation risky;
    protected GraphQlOperation operationWithATypo;
    protected GraphQlResponse r;

    protected void store(Object record) {
    }
}
