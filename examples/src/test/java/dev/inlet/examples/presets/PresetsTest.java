package dev.inlet.examples.presets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.Secret;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Each preset against a WireMock replica of its service's documented response shapes (fields,
 * paging, authentication), three pages each.
 */
class PresetsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Secret TOKEN = Secret.of("tok_test_123");

    @Test
    void stripeChargesFollowStartingAfterWhileHasMore() {
        String[][] pages = {{"ch_3", "ch_2"}, {"ch_1"}, {"ch_0"}};
        for (int p = 0; p < pages.length; p++) {
            StringBuilder data = new StringBuilder();
            for (String id : pages[p]) {
                data.append(data.length() == 0 ? "" : ",").append("{\"id\":\"").append(id)
                        .append("\",\"object\":\"charge\",\"amount\":1999,\"amount_captured\":1999,"
                                + "\"currency\":\"eur\",\"created\":1767225600,\"customer\":\"cus_1\",\"paid\":true,"
                                + "\"livemode\":false,\"metadata\":{},\"outcome\":{\"type\":\"authorized\"}}");
            }
            var request = get(urlPathEqualTo("/v1/charges")).withHeader("Authorization", equalTo("Bearer tok_test_123"))
                    .withQueryParam("limit", equalTo("100"));
            request = p == 0 ? request.withQueryParam("starting_after", absent())
                    : request.withQueryParam("starting_after", equalTo(pages[p - 1][pages[p - 1].length - 1]));
            api.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_" + p).withBody("{\"object\":\"list\",\"url\":\"/v1/charges\","
                            + "\"has_more\":" + (p < 2) + ",\"data\":[" + data + "]}")));
        }

        List<Stripe.Charge> charges;
        try (Stream<Stripe.Charge> stream = Stripe.charges(api.baseUrl(), TOKEN).build(Stripe.Charge.class).records()) {
            charges = stream.toList();
        }
        assertThat(charges).extracting(Stripe.Charge::id).containsExactly("ch_3", "ch_2", "ch_1", "ch_0");
        assertThat(charges.get(0).amount()).isEqualTo(1999);
        api.verify(3, getRequestedFor(urlPathEqualTo("/v1/charges")));
    }

    @Test
    void gitHubIssuesFollowTheLinkHeaderAndMapSnakeCase() {
        String base = api.baseUrl() + "/repositories/42/issues";
        for (int page = 1; page <= 3; page++) {
            var request = get(urlPathEqualTo(page == 1 ? "/repos/octo/hello/issues" : "/repositories/42/issues"))
                    .withHeader("Authorization", equalTo("Bearer tok_test_123"))
                    .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"));
            if (page > 1) {
                request = request.withQueryParam("page", equalTo(Integer.toString(page)));
            }
            String link = page < 3 ? "<" + base + "?state=all&per_page=100&page=" + (page + 1) + ">; rel=\"next\", <"
                    + base + "?state=all&per_page=100&page=3>; rel=\"last\"" : "<" + base
                    + "?state=all&per_page=100&page=1>; rel=\"first\"";
            api.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                    .withHeader("Link", link).withHeader("X-RateLimit-Remaining", "4999")
                    .withBody("[{\"number\":" + page + ",\"title\":\"Bug " + page + "\",\"state\":\""
                            + (page == 2 ? "closed" : "open") + "\",\"created_at\":\"2026-01-0" + page
                            + "T10:00:00Z\",\"closed_at\":null,\"user\":{\"login\":\"octocat\"}"
                            + (page == 3 ? ",\"pull_request\":{\"url\":\"x\"}" : "") + "}]")));
        }

        List<GitHub.Issue> issues;
        try (Stream<GitHub.Issue> stream = GitHub.issues(api.baseUrl(), TOKEN, "octo", "hello")
                .build(GitHub.Issue.class).records()) {
            issues = stream.toList();
        }
        assertThat(issues).extracting(GitHub.Issue::number).containsExactly(1L, 2L, 3L);
        assertThat(issues.get(0).createdAt()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(issues).filteredOn(i -> !i.isPullRequest() && i.state().equals("open")).hasSize(1);
    }

    @Test
    void hubSpotContactsFollowTheAfterCursorUntilPagingIsGone() {
        String[] after = {null, "101", "202"};
        for (int p = 0; p < 3; p++) {
            var request = get(urlPathEqualTo("/crm/v3/objects/contacts")).withHeader("Authorization",
                    equalTo("Bearer tok_test_123")).withQueryParam("properties", equalTo("email,createdate"));
            request = after[p] == null ? request.withQueryParam("after", absent())
                    : request.withQueryParam("after", equalTo(after[p]));
            String paging = p < 2 ? ",\"paging\":{\"next\":{\"after\":\"" + after[p + 1] + "\",\"link\":\"https://api"
                    + ".hubapi.com/crm/v3/objects/contacts?after=" + after[p + 1] + "\"}}" : "";
            api.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json;charset=utf-8")
                    .withBody("{\"results\":[{\"id\":\"" + (p + 1) + "\",\"properties\":{\"email\":\"c" + p
                            + "@example.com\",\"createdate\":\"2026-02-0" + (p + 1) + "T00:00:00.000Z\"},"
                            + "\"createdAt\":\"2026-02-01T00:00:00.000Z\",\"archived\":false}]" + paging + "}")));
        }

        List<JsonNode> contacts;
        try (Stream<JsonNode> stream = HubSpot.contacts(api.baseUrl(), TOKEN, "email", "createdate").build()
                .records()) {
            contacts = stream.toList();
        }
        assertThat(contacts).extracting(c -> c.at("/properties/email").asString())
                .containsExactly("c0@example.com", "c1@example.com", "c2@example.com");
    }

    @Test
    void shopifyOrdersPageThroughTheConnectionPacedByCost() throws Exception {
        try (dev.inlet.examples.fakes.FakeShopify shop = dev.inlet.examples.fakes.FakeShopify.start("shpat_test",
                230, 1_000, 50)) {
            List<Shopify.Order> orders;
            try (Stream<Shopify.Order> stream = Shopify.orders(shop.baseUrl(), Secret.of("shpat_test")).records()) {
                orders = stream.toList();
            }
            assertThat(orders).hasSize(230);
            assertThat(orders).extracting(Shopify.Order::name).startsWith("#1001", "#1002").endsWith("#1230");
            assertThat(orders.get(0).totalPriceSet().shopMoney().amount()).isEqualTo(shop.orders().get(0).amount());
            // Five pages of 50 in five requests: not one was refused as THROTTLED (that would be a sixth).
            assertThat(shop.requests()).isEqualTo(5);
        }
    }

    @Test
    void stripeCustomersAndGitHubPullRequestsUseTheirOwnEndpoints() {
        api.stubFor(get(urlPathEqualTo("/v1/customers")).withHeader("Authorization", equalTo("Bearer tok_test_123"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"object\":\"list\",\"has_more\":false,\"data\":[{\"id\":\"cus_1\",\"object\":"
                                + "\"customer\",\"email\":\"a@example.com\",\"created\":1767225600}]}")));
        api.stubFor(get(urlPathEqualTo("/repos/octo/hello/pulls")).withQueryParam("state", equalTo("all"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "[{\"number\":7,\"title\":\"Fix\",\"state\":\"open\",\"created_at\":"
                                + "\"2026-01-01T00:00:00Z\",\"closed_at\":null}]")));

        try (Stream<Stripe.Customer> customers = Stripe.customers(api.baseUrl(), TOKEN).build(Stripe.Customer.class)
                .records(); Stream<GitHub.Issue> pulls = GitHub.pullRequests(api.baseUrl(), TOKEN, "octo", "hello")
                .build(GitHub.Issue.class).records()) {
            assertThat(customers.toList()).containsExactly(new Stripe.Customer("cus_1", "a@example.com", 1767225600L));
            assertThat(pulls.toList()).extracting(GitHub.Issue::number).containsExactly(7L);
        }
    }
}
