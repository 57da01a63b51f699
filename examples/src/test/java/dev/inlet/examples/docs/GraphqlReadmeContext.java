package dev.inlet.examples.docs;

import dev.inlet.core.auth.Credentials;
import dev.inlet.graphql.GraphQlClient;
import dev.inlet.graphql.GraphQlOperation;
import dev.inlet.graphql.GraphQlResponse;
import java.math.BigDecimal;

/** What the snippets of {@code graphql/README.md} use without declaring it (see {@link DocSnippetsTest}). Compile-only. */
public class GraphqlReadmeContext {

    protected record Order(String id, String number, BigDecimal totalPrice) {
    }

    protected record PageInfo(boolean hasNextPage, String endCursor) {
    }

    protected record Tag(String name) {
    }

    protected String url = "https://api.example.com/graphql";
    protected Credentials bearerToken;
    protected Credentials shopifyToken;
    protected GraphQlClient client;
    protected GraphQlOperation risky;
    protected GraphQlOperation operationWithATypo;
    protected GraphQlResponse r;

    protected void store(Object record) {
    }
}
