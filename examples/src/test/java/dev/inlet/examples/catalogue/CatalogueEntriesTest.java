package dev.inlet.examples.catalogue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.Secret;
import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.declarative.Binding;
import dev.inlet.declarative.BoundDefinition;
import dev.inlet.declarative.Catalogue;
import dev.inlet.examples.fakes.FakeGitHub;
import dev.inlet.examples.fakes.FakeShopify;
import dev.inlet.examples.fakes.FakeStripe;
import dev.inlet.examples.presets.GitHub;
import dev.inlet.examples.presets.Stripe;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Each catalogue entry that replaced a Java preset, run end to end against a local replica that pages
 * like the vendor (the demo's fakes, or WireMock for HubSpot) with {@code baseUrlOverride}; where the
 * preset runs on the same replica, both read the same records. A new entry adds a test here.
 */
class CatalogueEntriesTest {

    @RegisterExtension
    static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static Binding.Builder binding(String baseUrl, Map<String, String> environment) {
        return Binding.builder().baseUrlOverride(baseUrl).rateLimiters(RateLimiters.create())
                .environment(name -> Optional.ofNullable(environment.get(name)));
    }

    static List<JsonNode> read(Stream<JsonNode> records) {
        try (records) {
            return records.toList();
        }
    }

    @Test
    void stripeChargesThroughAThrottledAndFailingFakeSkipWhatTheirSchemaRejects() throws Exception {
        try (FakeStripe stripe = FakeStripe.start("sk_test_cat", 450, Set.of(1), Set.of(3))) {
            BoundDefinition bound = Catalogue.load("stripe").bind(binding(stripe.baseUrl(),
                    Map.of("STRIPE_API_KEY", "sk_test_cat")).build());
            List<JsonNode> charges = read(bound.records("charges"));
            List<String> wellFormed = stripe.charges().stream().filter(c -> !c.malformed()).map(FakeStripe.Charge::id)
                    .toList();
            assertThat(charges).extracting(c -> c.get("id").asString()).isEqualTo(wellFormed);
            assertThat(stripe.faults()).isEqualTo(2);

            List<JsonNode> preset = read(Stripe.charges(stripe.baseUrl(), Secret.of("sk_test_cat"))
                    .rateLimiter(RateLimiters.create().perHost()).build().records());
            assertThat(preset.stream().filter(c -> c.get("amount").isNumber() && c.has("currency")).toList())
                    .isEqualTo(charges);
            assertThat(read(bound.records("customers"))).hasSize(stripe.customers().size());
        }
    }

    @Test
    void githubIssuesFollowTheLinkHeaderLikeThePreset() throws Exception {
        try (FakeGitHub github = FakeGitHub.start("ghp_cat", "octo", "hello", 230)) {
            BoundDefinition bound = Catalogue.load("github").bind(binding(github.baseUrl(),
                    Map.of("GITHUB_TOKEN", "ghp_cat")).input("owner", "octo").input("repo", "hello").build());
            List<JsonNode> issues = read(bound.records("issues"));
            assertThat(issues).extracting(i -> i.get("number").asLong())
                    .isEqualTo(github.issues().stream().map(FakeGitHub.Issue::number).toList());
            assertThat(issues).isEqualTo(read(GitHub.issues(github.baseUrl(), Secret.of("ghp_cat"), "octo", "hello")
                    .build().records()));
        }
    }

    @Test
    void shopifyOrdersPageTheRelayConnectionPacedByCost() throws Exception {
        try (FakeShopify shop = FakeShopify.start("shpat_cat", 230, 1_000, 50)) {
            BoundDefinition bound = Catalogue.load("shopify").bind(binding(shop.baseUrl(),
                    Map.of("SHOPIFY_ACCESS_TOKEN", "shpat_cat")).input("shop", "demo").build());
            List<JsonNode> orders = read(bound.records("orders"));
            assertThat(orders).hasSize(230);
            assertThat(orders.get(0).get("name").asString()).isEqualTo("#1001");
            // Five pages of 50 in five requests: not one was refused as THROTTLED (that would be a sixth).
            assertThat(shop.requests()).isEqualTo(5);
        }
    }

    @Test
    void hubspotContactsFollowTheBodyCursorUntilPagingIsAbsent() {
        String[] after = {null, "a1", "a2"};
        for (int p = 0; p < 3; p++) {
            var request = get(urlPathEqualTo("/crm/v3/objects/contacts"))
                    .withHeader("Authorization", equalTo("Bearer pat-cat"))
                    .withQueryParam("limit", equalTo("100"))
                    .withQueryParam("properties", equalTo("email,createdate"));
            request = after[p] == null ? request.withQueryParam("after", absent())
                    : request.withQueryParam("after", equalTo(after[p]));
            String paging = p < 2 ? ",\"paging\":{\"next\":{\"after\":\"" + after[p + 1] + "\"}}" : "";
            hubspot.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody("{\"results\":[{\"id\":\"" + (p + 1) + "\",\"properties\":{\"email\":\"c" + p
                            + "@example.com\"},\"createdAt\":\"2026-02-0" + (p + 1) + "T00:00:00.000Z\","
                            + "\"archived\":false}]" + paging + "}")));
        }
        BoundDefinition bound = Catalogue.load("hubspot").bind(binding(hubspot.baseUrl(),
                Map.of("HUBSPOT_TOKEN", "pat-cat")).input("properties", "email,createdate").build());
        assertThat(read(bound.records("contacts"))).extracting(c -> c.at("/properties/email").asString())
                .containsExactly("c0@example.com", "c1@example.com", "c2@example.com");
        assertThat(bound.aggregate("contacts_created").total("contacts_created")).isEqualByComparingTo("3");
    }
}
