package dev.inlet.declarative.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The definition's {@code auth:} block from the document's security schemes. */
final class Auth {

    /** The auth type, its keys (in writing order) and why. */
    record Choice(String type, Map<String, String> keys, String why) {
    }

    private Auth() {
    }

    static Choice choose(OpenAPI api, String envPrefix) {
        Map<String, SecurityScheme> schemes = api.getComponents() == null ? null
                : api.getComponents().getSecuritySchemes();
        if (schemes == null || schemes.isEmpty()) {
            return null;
        }
        List<String> order = new ArrayList<>();
        if (api.getSecurity() != null) {
            for (SecurityRequirement requirement : api.getSecurity()) {
                order.addAll(requirement.keySet());
            }
        }
        api.getPaths().values().stream().flatMap(item -> item.readOperations().stream())
                .filter(op -> op.getSecurity() != null).flatMap(op -> op.getSecurity().stream())
                .forEach(requirement -> order.addAll(requirement.keySet()));
        order.addAll(schemes.keySet());
        // Prefer a scheme a machine can use without a browser: API keys, bearer, basic, then OAuth2.
        Choice fallback = null;
        for (String name : order) {
            SecurityScheme scheme = schemes.get(name);
            if (scheme == null || scheme.getType() == null) {
                continue;
            }
            Choice choice = map(name, scheme, envPrefix);
            if (choice == null) {
                continue;
            }
            if (!choice.type().startsWith("oauth2") && !choice.why().contains("OAuth2")) {
                return choice;
            }
            if (fallback == null) {
                fallback = choice;
            }
        }
        return fallback;
    }

    private static Choice map(String name, SecurityScheme scheme, String env) {
        Map<String, String> keys = new LinkedHashMap<>();
        String from = "security scheme `" + name + "`";
        switch (scheme.getType()) {
            case APIKEY -> {
                if (scheme.getName() == null || scheme.getIn() == null) {
                    return null;
                }
                keys.put("in", scheme.getIn().toString().toLowerCase(Locale.ROOT));
                keys.put("name", scheme.getName());
                keys.put("key", "${env:" + env + "_API_KEY}");
                return new Choice("api_key", keys, from + " (apiKey in " + keys.get("in") + ")");
            }
            case HTTP -> {
                String s = scheme.getScheme() == null ? "" : scheme.getScheme().toLowerCase(Locale.ROOT);
                if (s.equals("basic")) {
                    keys.put("username", "${env:" + env + "_USERNAME}");
                    keys.put("password", "${env:" + env + "_PASSWORD}");
                    return new Choice("basic", keys, from + " (http basic)");
                }
                keys.put("token", "${env:" + env + "_TOKEN}");
                return new Choice("bearer", keys, from + " (http " + s + ")");
            }
            case OAUTH2 -> {
                if (scheme.getFlows() != null && scheme.getFlows().getClientCredentials() != null
                        && scheme.getFlows().getClientCredentials().getTokenUrl() != null
                        && scheme.getFlows().getClientCredentials().getTokenUrl().startsWith("http")) {
                    keys.put("token_url", scheme.getFlows().getClientCredentials().getTokenUrl());
                    keys.put("client_id", "${env:" + env + "_CLIENT_ID}");
                    keys.put("client_secret", "${env:" + env + "_CLIENT_SECRET}");
                    return new Choice("oauth2_client_credentials", keys, from + " (OAuth2 client credentials flow)");
                }
                keys.put("token", "${env:" + env + "_TOKEN}");
                return new Choice("bearer", keys, from + " (OAuth2 with a user flow: supply an access token)");
            }
            case OPENIDCONNECT -> {
                keys.put("token", "${env:" + env + "_TOKEN}");
                return new Choice("bearer", keys, from + " (OpenID Connect: supply an access token)");
            }
            default -> {
                return null;
            }
        }
    }
}
