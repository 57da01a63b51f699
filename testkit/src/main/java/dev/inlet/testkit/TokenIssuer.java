package dev.inlet.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The OAuth2 token endpoint of a fake (RFC 6749): client credentials and refresh-token grants,
 * client authentication by Basic header or form, access tokens that expire by the fake's clock, and
 * refresh-token rotation (each refresh token works once; the answer carries the next one).
 */
final class TokenIssuer {

    private final Auth auth;
    private final Clock clock;
    private final Map<String, Instant> accessTokens = new LinkedHashMap<>();
    private final Set<String> refreshTokens = new HashSet<>();
    private long issued;

    TokenIssuer(Auth auth, Clock clock) {
        this.auth = auth;
        this.clock = clock;
        auth.initialRefreshToken().ifPresent(refreshTokens::add);
    }

    synchronized RawResponse respond(RawRequest request) {
        Map<String, String> form = form(new String(request.body(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(request, form)) {
            return error(401, "invalid_client");
        }
        String grant = form.getOrDefault("grant_type", "");
        boolean refresh;
        switch (grant) {
            case "client_credentials" -> refresh = false;
            case "refresh_token" -> {
                if (!refreshTokens.remove(form.getOrDefault("refresh_token", ""))) {
                    return error(400, "invalid_grant");
                }
                refresh = true;
            }
            default -> {
                return error(400, "unsupported_grant_type");
            }
        }
        issued++;
        String access = "at-" + issued;
        accessTokens.put(access, clock.instant().plus(auth.tokenLifetime()));
        StringBuilder body = new StringBuilder("{\"access_token\":\"").append(access)
                .append("\",\"token_type\":\"Bearer\",\"expires_in\":").append(auth.tokenLifetime().toSeconds());
        if (refresh) {
            String next = "rt-" + issued;
            refreshTokens.add(next);
            body.append(",\"refresh_token\":\"").append(next).append('"');
        }
        return RawResponse.json(200, body.append('}').toString().getBytes(StandardCharsets.UTF_8));
    }

    synchronized boolean accepts(String bearer) {
        Instant expiry = bearer == null ? null : accessTokens.get(bearer);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    /** Every access token issued so far stops working (the next request gets 401). */
    synchronized void expireAll() {
        accessTokens.replaceAll((token, expiry) -> Instant.MIN);
    }

    synchronized long tokensIssued() {
        return issued;
    }

    private boolean clientAuthenticated(RawRequest request, Map<String, String> form) {
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String header = request.header("authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                id = URLDecoder.decode(pair.substring(0, Math.max(colon, 0)), StandardCharsets.UTF_8);
                secret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return auth.clientId().equals(id) && secret != null
                && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), auth.secret().orElseThrow().revealBytes());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException ignored) {
                    // a malformed pair is left out: the grant then fails with a clear error
                }
            }
        }
        return out;
    }

    private static RawResponse error(int status, String code) {
        return RawResponse.json(status, ("{\"error\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
