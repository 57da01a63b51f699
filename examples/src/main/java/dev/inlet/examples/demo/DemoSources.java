package dev.inlet.examples.demo;

import dev.inlet.core.Secret;
import dev.inlet.examples.fakes.FakeGitHub;
import dev.inlet.examples.fakes.FakeShopify;
import dev.inlet.examples.fakes.FakeStripe;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The services the demo pulls from: the real ones the settings have credentials for, embedded fakes
 * for the rest. Closing it stops the fakes.
 */
final class DemoSources implements AutoCloseable {

    /** How much data the fakes serve, and how they misbehave. */
    static final int CHARGES = 2_000;
    static final int ISSUES = 300;
    static final int SHOP_ORDERS = 1_000;
    static final Set<Integer> THROTTLED_PAGES = Set.of(4);
    static final Set<Integer> FAILING_PAGES = Set.of(9, 13);

    private static final String FAKE_STRIPE_KEY = "sk_test_inlet_demo";
    private static final String FAKE_GITHUB_TOKEN = "ghp_inlet_demo";
    private static final String FAKE_SHOPIFY_TOKEN = "shpat_inlet_demo";

    final String stripeUrl;
    final Secret stripeKey;
    final String githubUrl;
    final Secret githubToken;
    final String owner;
    final String repo;
    final String shopifyUrl;
    final Secret shopifyToken;
    final Optional<FakeStripe> fakeStripe;
    final Optional<FakeGitHub> fakeGitHub;
    final Optional<FakeShopify> fakeShopify;
    private final List<AutoCloseable> started = new ArrayList<>();

    DemoSources(DemoSettings settings) {
        try {
            fakeStripe = settings.stripeKey().isPresent() ? Optional.empty()
                    : Optional.of(track(FakeStripe.start(FAKE_STRIPE_KEY, CHARGES, THROTTLED_PAGES, FAILING_PAGES)));
            stripeUrl = fakeStripe.map(FakeStripe::baseUrl).orElse(dev.inlet.examples.presets.Stripe.API);
            stripeKey = settings.stripeKey().orElse(Secret.of(FAKE_STRIPE_KEY));

            fakeGitHub = settings.githubToken().isPresent() ? Optional.empty()
                    : Optional.of(track(FakeGitHub.start(FAKE_GITHUB_TOKEN, "inlet", "demo", ISSUES)));
            githubUrl = fakeGitHub.map(FakeGitHub::baseUrl).orElse(dev.inlet.examples.presets.GitHub.API);
            githubToken = settings.githubToken().orElse(Secret.of(FAKE_GITHUB_TOKEN));
            String[] ownerRepo = settings.githubRepo().orElse("inlet/demo").split("/", 2);
            if (ownerRepo.length != 2) {
                throw new IllegalArgumentException("GITHUB_REPO must be owner/name, was " + settings.githubRepo());
            }
            owner = ownerRepo[0];
            repo = ownerRepo[1];

            fakeShopify = settings.shopifyShop().isPresent() ? Optional.empty()
                    : Optional.of(track(FakeShopify.start(FAKE_SHOPIFY_TOKEN, SHOP_ORDERS, 1_000, 50)));
            shopifyUrl = fakeShopify.map(FakeShopify::baseUrl).orElseGet(() -> settings.shopifyShop().orElseThrow());
            shopifyToken = settings.shopifyToken().orElse(Secret.of(FAKE_SHOPIFY_TOKEN));
        } catch (RuntimeException | Error e) {
            close(); // a fake already started must not keep the JVM alive
            throw e;
        }
    }

    /** One line per source: where it is and what it is. */
    void describe(PrintStream out) {
        out.printf("  %-9s %-34s %s%n", "stripe", stripeUrl, fakeStripe.map(f -> String.format(
                "fake: %,d charges, %,d customers; a 429, two 503s, %d malformed charges", f.charges().size(),
                f.customers().size(), f.charges().stream().filter(FakeStripe.Charge::malformed).count()))
                .orElse("real"));
        out.printf("  %-9s %-34s %s%n", "github", githubUrl, fakeGitHub.map(f -> String.format(
                "fake: %,d issues and pull requests of %s/%s", f.issues().size(), owner, repo))
                .orElse("real: " + owner + "/" + repo));
        out.printf("  %-9s %-34s %s%n", "shopify", shopifyUrl, fakeShopify.map(f -> String.format(
                "fake: %,d orders; cost bucket of 1,000 points refilling 50/s", f.orders().size()))
                .orElse("real"));
    }

    private <T extends AutoCloseable> T track(T service) {
        started.add(service);
        return service;
    }

    @Override
    public void close() {
        for (AutoCloseable service : started) {
            try {
                service.close();
            } catch (Exception e) {
                // Stopping a fake cannot fail in a way the demo could act on.
            }
        }
    }
}
