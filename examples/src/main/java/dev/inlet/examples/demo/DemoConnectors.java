package dev.inlet.examples.demo;

import dev.inlet.core.Connector;
import dev.inlet.core.InletListener;
import dev.inlet.core.Json;
import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.record.QuarantineSink;
import dev.inlet.core.record.RecordMapper;
import dev.inlet.core.record.RecordValidator;
import dev.inlet.declarative.Binding;
import dev.inlet.declarative.BoundDefinition;
import dev.inlet.declarative.Catalogue;
import dev.inlet.examples.presets.GitHub;
import dev.inlet.examples.presets.Shopify;
import dev.inlet.examples.presets.Stripe;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;

/**
 * The demo's four connectors, built either by the Java presets (the default) or from the catalogue's
 * definitions ({@code -Dinlet.demo.definitions=true}, or {@code INLET_DEMO_DEFINITIONS=true}), pointed at the
 * same fakes or services. Both give the same records, so the demo's output is the same either way.
 */
final class DemoConnectors {

    /** The system property that switches the demo to catalogue definitions. */
    static final String PROPERTY = "inlet.demo.definitions";

    private final DemoSources sources;
    private final InletListener listener;
    private final boolean fromDefinitions;

    DemoConnectors(DemoSources sources, InletListener listener, boolean fromDefinitions) {
        this.sources = sources;
        this.listener = listener;
        this.fromDefinitions = fromDefinitions;
    }

    /** Whether this JVM asked for definitions (property or environment variable). */
    static boolean requested() {
        return Boolean.getBoolean(PROPERTY) || "true".equalsIgnoreCase(System.getenv("INLET_DEMO_DEFINITIONS"));
    }

    /** Where the connectors come from, for the demo's header. */
    String origin() {
        return fromDefinitions ? "catalogue definitions (" + String.join(", ", Catalogue.names()) + ")"
                : "Java presets";
    }

    Connector<Stripe.Charge> charges(RecordValidator rules, QuarantineSink quarantine) {
        if (!fromDefinitions) {
            return Stripe.charges(sources.stripeUrl, sources.stripeKey).validator(rules)
                    .onInvalid(InvalidRecordPolicy.QUARANTINE).quarantine(quarantine).listener(listener)
                    .build(Stripe.Charge.class);
        }
        return Connector.builder("stripe-charges", stripe().connector("charges").source()).validator(rules)
                .onInvalid(InvalidRecordPolicy.QUARANTINE).quarantine(quarantine).listener(listener)
                .mapper(RecordMapper.to(Stripe.Charge.class)).build();
    }

    Connector<Stripe.Customer> customers() {
        if (!fromDefinitions) {
            return Stripe.customers(sources.stripeUrl, sources.stripeKey).listener(listener)
                    .build(Stripe.Customer.class);
        }
        return typed(stripe().connector("customers"), RecordMapper.to(Stripe.Customer.class));
    }

    Connector<GitHub.Issue> issues() {
        if (!fromDefinitions) {
            return GitHub.issues(sources.githubUrl, sources.githubToken, sources.owner, sources.repo)
                    .listener(listener).build(GitHub.Issue.class);
        }
        BoundDefinition github = Catalogue.load("github").bind(binding(sources.githubUrl,
                Map.of("GITHUB_TOKEN", sources.githubToken.reveal())).input("owner", sources.owner)
                .input("repo", sources.repo).build());
        return typed(github.connector("issues"), RecordMapper.to(GitHub.Issue.class,
                Json.configure(tools.jackson.databind.json.JsonMapper.builder())
                        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build()));
    }

    Connector<Shopify.Order> orders() {
        if (!fromDefinitions) {
            return Shopify.ordersConnector(sources.shopifyUrl, sources.shopifyToken).listener(listener)
                    .build(Shopify.Order.class);
        }
        BoundDefinition shopify = Catalogue.load("shopify").bind(binding(sources.shopifyUrl,
                Map.of("SHOPIFY_ACCESS_TOKEN", sources.shopifyToken.reveal())).input("shop", "demo").build());
        return typed(shopify.connector("orders"), RecordMapper.to(Shopify.Order.class));
    }

    private BoundDefinition stripe() {
        return Catalogue.load("stripe").bind(binding(sources.stripeUrl,
                Map.of("STRIPE_API_KEY", sources.stripeKey.reveal())).build());
    }

    private Binding.Builder binding(String baseUrl, Map<String, String> environment) {
        return Binding.builder().baseUrlOverride(baseUrl).listener(listener)
                .environment(name -> Optional.ofNullable(environment.get(name)));
    }

    /** The definition's source under the preset's connector name, mapped to the preset's record type. */
    private <T> Connector<T> typed(Connector<JsonNode> connector, RecordMapper<T> mapper) {
        return Connector.builder(connector.name(), connector.source()).listener(listener).mapper(mapper).build();
    }
}
