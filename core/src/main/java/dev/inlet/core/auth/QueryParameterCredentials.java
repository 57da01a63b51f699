package dev.inlet.core.auth;

import java.util.concurrent.CompletableFuture;
import dev.inlet.core.internal.Redaction;
import dev.inlet.core.Secret;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Set;

/**
 * An API key in a query parameter. The parameter is marked sensitive on the request so that its
 * value is masked wherever the request's URL is shown.
 *
 * <p>The response handed back up the chain names the request as it came in, without the key:
 * {@link dev.inlet.core.ResponseInfo} (and the {@link dev.inlet.core.error.HttpStatusException} built from
 * it) shows its URL without knowing the request's sensitive parameters, so a key in a parameter with
 * an unremarkable name ({@code appid}) would otherwise reach an exception message.
 */
final class QueryParameterCredentials extends OriginBound {

    private final String parameter;
    private final String encodedName;
    private final Secret key;

    QueryParameterCredentials(Origin origin, String parameter, Secret key) {
        super(origin);
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        if (parameter.isEmpty()) {
            throw new IllegalArgumentException("the API key query parameter needs a name");
        }
        this.encodedName = WireForm.encode(parameter, false);
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The key's parameter: masked in every URL the pipeline shows and stripped from stored next links. */
    @Override
    public Set<String> sensitiveParameters() {
        return Set.of(parameter);
    }

    @Override
    Response authenticate(Chain chain, Request request) throws IOException {
        return unkeyed(request, chain.proceed(keyed(request)));
    }

    @Override
    CompletableFuture<Response> authenticateAsync(AsyncChain chain, Request request) {
        return chain.proceedAsync(keyed(request)).thenApply(response -> unkeyed(request, response));
    }

    private Request keyed(Request request) {
        return request.toBuilder().uri(withKey(request.uri())).sensitiveParameter(parameter).build();
    }

    /** The response as the links before see it: to the request they sent, without the key. */
    private static Response unkeyed(Request request, Response response) {
        return new Response(request, response.status(), response.headers(), response.body(),
                response.info().sentAt(), response.info().elapsed());
    }

    private URI withKey(URI uri) {
        StringBuilder query = new StringBuilder();
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&", -1)) {
                int eq = pair.indexOf('=');
                String name = WireForm.decode(eq < 0 ? pair : pair.substring(0, eq));
                if (!name.equals(parameter)) {
                    query.append(pair).append('&');
                }
            }
        }
        query.append(encodedName).append('=').append(WireForm.encode(key.reveal(), false));
        try {
            return new URI(uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? ""
                    : uri.getRawPath()) + "?" + query + (uri.getRawFragment() == null ? ""
                    : "#" + uri.getRawFragment()));
        } catch (URISyntaxException e) {
            // Every part comes from a valid URI or is percent-encoded, so this cannot happen; the cause
            // would carry the key, so it is not attached.
            throw new IllegalStateException("could not add the API key parameter to "
                    + Redaction.uri(uri, Set.of(parameter)));
        }
    }

    @Override
    public String toString() {
        return "Credentials[API key in query parameter " + parameter + " for " + origin() + "]";
    }
}
