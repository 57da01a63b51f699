package dev.inlet.examples.demo;

import dev.inlet.core.Secret;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the demo runs against, from flags and environment variables. Every service without
 * credentials is replaced by an embedded fake on a loopback port, so with none given the demo runs
 * fully offline.
 *
 * <p>Real services: {@code STRIPE_API_KEY}; {@code GITHUB_TOKEN} with {@code GITHUB_REPO}
 * ({@code owner/name}); {@code SHOPIFY_SHOP} ({@code https://my-shop.myshopify.com}) with
 * {@code SHOPIFY_TOKEN}. Flags of the same names in lower case ({@code --github-repo=o/r}) override
 * the environment; secrets belong in the environment, not in a shell history.
 *
 * @param output where the series are written
 * @param stripeKey the Stripe secret key, if Stripe is real
 * @param githubToken the GitHub token, if GitHub is real
 * @param githubRepo the repository ({@code owner/name}) for a real GitHub
 * @param shopifyShop the shop's base URL, if Shopify is real
 * @param shopifyToken the Admin API access token, if Shopify is real
 */
public record DemoSettings(Path output, Optional<Secret> stripeKey, Optional<Secret> githubToken,
        Optional<String> githubRepo, Optional<String> shopifyShop, Optional<Secret> shopifyToken) {

    /** Settings from command-line flags and the environment. */
    public static DemoSettings from(String[] args, Map<String, String> environment) {
        Map<String, String> values = new HashMap<>(environment);
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; use --name=value, e.g. --out=/tmp/x");
            }
            String name = arg.substring(2, arg.indexOf('=')).toUpperCase().replace('-', '_');
            values.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        Path output = Path.of(values.getOrDefault("OUT", Path.of(System.getProperty("java.io.tmpdir"),
                "inlet-demo").toString()));
        Optional<Secret> githubToken = secret(values, "GITHUB_TOKEN");
        Optional<String> repo = Optional.ofNullable(values.get("GITHUB_REPO"));
        if (githubToken.isPresent() && repo.isEmpty()) {
            throw new IllegalArgumentException("GITHUB_TOKEN is set but GITHUB_REPO (owner/name) is not");
        }
        Optional<String> shop = Optional.ofNullable(values.get("SHOPIFY_SHOP"));
        Optional<Secret> shopToken = secret(values, "SHOPIFY_TOKEN");
        if (shop.isPresent() != shopToken.isPresent()) {
            throw new IllegalArgumentException("set both SHOPIFY_SHOP and SHOPIFY_TOKEN, or neither");
        }
        return new DemoSettings(output, secret(values, "STRIPE_API_KEY"), githubToken, repo, shop, shopToken);
    }

    /** Offline settings writing to {@code output}: every service is a fake. */
    public static DemoSettings offline(Path output) {
        return new DemoSettings(output, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static Optional<Secret> secret(Map<String, String> values, String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Secret.of(value));
    }
}
