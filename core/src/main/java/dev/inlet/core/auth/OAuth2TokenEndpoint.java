package dev.inlet.core.auth;

import dev.inlet.core.Secret;
import dev.inlet.core.internal.SentSecrets;
import dev.inlet.core.http.Request;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One OAuth2 token endpoint (RFC 6749 §3.2) as a client uses it: a form POST with the grant's
 * parameters and the client's authentication, answered by an access token response (§5.1) or an
 * error response (§5.2).
 */
final class OAuth2TokenEndpoint {

    private final URI tokenUrl;
    private final String clientId;
    private final Secret clientSecret;
    private final ClientAuthentication method;
    private final TokenHttp http;

    /**
     * An endpoint.
     *
     * @param clientSecret the client secret, or null for a public client (which sends only its id)
     */
    OAuth2TokenEndpoint(URI tokenUrl, String clientId, Secret clientSecret, ClientAuthentication method,
            TokenHttp http) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.method = method;
        this.http = http;
    }

    URI tokenUrl() {
        return tokenUrl;
    }

    /**
     * Requests a token.
     *
     * @param grant the grant's form parameters, in order ({@code grant_type} first)
     * @param involved other secrets in the request (a refresh token), scrubbed from server text
     * @throws AuthenticationException if no token is obtained
     */
    AccessToken request(Map<String, String> grant, List<Secret> involved) {
        List<String[]> form = new ArrayList<>();
        grant.forEach((name, value) -> form.add(new String[] {name, value}));
        Request.Builder builder = Request.builder(tokenUrl).header("Accept", "application/json");
        SentSecrets sent = new SentSecrets();
        if (clientSecret != null && method == ClientAuthentication.CLIENT_SECRET_BASIC) {
            String pair = formEncode(clientId) + ":" + formEncode(clientSecret.reveal());
            String basic = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", basic);
            sent.addHeader("Authorization", basic);
        } else {
            form.add(new String[] {"client_id", clientId});
            if (clientSecret != null) {
                form.add(new String[] {"client_secret", clientSecret.reveal()});
            }
        }
        StringBuilder body = new StringBuilder();
        for (String[] field : form) {
            body.append(body.length() == 0 ? "" : "&").append(formEncode(field[0])).append('=')
                    .append(formEncode(field[1]));
        }
        Request request = builder.post(body.toString().getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded").build();
        List<Secret> secrets = new ArrayList<>(involved);
        if (clientSecret != null) {
            secrets.add(clientSecret);
        }
        Instant requested = http.clock().instant();
        JsonNode json = http.exchange(request, "Token request", secrets);
        sent.addSecrets(secrets);
        return parse(json, requested, "Token request " + request, sent);
    }

    /** Reads an access token response (RFC 6749 §5.1). */
    private static AccessToken parse(JsonNode json, Instant requested, String where, SentSecrets sent) {
        String accessToken = TokenHttp.text(json, "access_token");
        if (accessToken == null) {
            String error = sent.scrub(TokenHttp.text(json, "error"));
            String description = sent.scrub(TokenHttp.text(json, "error_description"));
            throw new AuthenticationException(where + " answered without an access_token"
                    + (error == null ? "" : ", OAuth error " + error + (description == null ? "" : ": " + description)),
                    error, description, null, AuthenticationException.hintFor(error), null);
        }
        Optional<Instant> expiresAt = Optional.ofNullable(TokenHttp.text(json, "expires_in"))
                .map(seconds -> {
                    try {
                        return requested.plus(Duration.ofSeconds(Math.round(Double.parseDouble(seconds))));
                    } catch (NumberFormatException notANumber) {
                        return null;
                    }
                });
        Optional<Secret> refreshToken = Optional.ofNullable(TokenHttp.text(json, "refresh_token")).map(Secret::of);
        return new AccessToken(Secret.of(accessToken), expiresAt, refreshToken);
    }

    /** {@code application/x-www-form-urlencoded} encoding (space as {@code +}). */
    static String formEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
