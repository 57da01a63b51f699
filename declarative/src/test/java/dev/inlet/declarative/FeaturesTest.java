package dev.inlet.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inlet.core.Headers;
import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.core.state.InMemoryStateStore;
import dev.inlet.core.state.IncrementalSync;
import dev.inlet.testkit.Auth;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookReceiver;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Each part of the format, mapped onto the Java API and run against an in-process fake. */
class FeaturesTest {

    static Binding.Builder local(FakeApi api) {
        return Binding.builder().baseUrlOverride(api.baseUrl()).rateLimiters(RateLimiters.create());
    }

    @Test
    void sharedParamsAndHeadersApplyToEveryStreamAndAStreamOverridesThemByName() {
        Definition definition = RestStreamTest.yaml("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                headers: {X-Client: inlet, X-Tier: free}
                params: {format: json, limit: "4"}
                paginators:
                  std: {type: offset, size: 4}
                streams:
                  items:
                    path: /items
                    headers: {X-Tier: pro}
                    records: /data
                    paginator: {use: std, size: 5}
                """);
        try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(12)).start()) {
            assertThat(RestStreamTest.ids(definition.bind(local(api).build()).records("items"))).hasSize(12);
            var first = api.requests().get(0);
            assertThat(first.query()).containsEntry("format", "json").containsEntry("limit", "5");
            assertThat(first.header("X-Client")).isEqualTo("inlet");
            assertThat(first.header("X-Tier")).isEqualTo("pro");
        }
    }

    @Test
    void everyRestPaginatorStyleReadsEveryRecordOnce() {
        Map<String, Paging> styles = Map.of(
                "{type: page_number, size: 6}", Paging.pageNumber(),
                "{type: body_cursor, cursor: /paging/next/after, absent_means_end: true, size_param: limit, size: 6}",
                Paging.bodyCursor(),
                "{type: last_record_cursor, has_more: /has_more, size_param: limit, size: 6}", Paging.lastRecordId(),
                "{type: header_cursor, header: X-Next-Cursor, size_param: limit, size: 6}", Paging.headerCursor(),
                "{type: link_header, size_param: per_page, size: 6}", Paging.linkHeader(),
                "{type: next_url, url: /next, absent_means_end: true, size_param: limit, size: 6}", Paging.nextUrl());
        for (Map.Entry<String, Paging> style : styles.entrySet()) {
            Definition definition = RestStreamTest.yaml("""
                    inlet: 1
                    name: acme
                    base_url: https://api.acme.test
                    streams:
                      items: {path: /items, records: /data, paginator: %s}
                    """.formatted(style.getKey()));
            try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(20))
                    .paging(style.getValue()).start()) {
                assertThat(RestStreamTest.ids(definition.bind(local(api).build()).records("items")))
                        .as(style.getKey()).hasSize(20).doesNotHaveDuplicates();
                assertThat(api.requests().size()).as(style.getKey()).isBetween(4, 5);
            }
        }
    }

    @Test
    void anIncrementalStreamAsksOnlyForWhatChangedOnTheNextRun() {
        Definition definition = RestStreamTest.yaml("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                streams:
                  items:
                    path: /items
                    records: /data
                    primary_key: /id
                    paginator: {type: offset, size: 10}
                    incremental: {cursor_field: /updated_at, param: updated_since, lookback: 0s}
                """);
        RecordSet records = RecordSet.generate(15);
        try (FakeApi api = FakeApi.builder().path("/items").records(records).start()) {
            InMemoryStateStore store = new InMemoryStateStore();
            IncrementalSync<JsonNode> sync = definition.bind(local(api).stateStore(store).build())
                    .incremental("items");
            List<JsonNode> first = new ArrayList<>();
            sync.run(first::add);
            assertThat(first).hasSize(15);
            assertThat(api.requests().get(0).query()).doesNotContainKey("updated_since");
            records.update("rec-0003", Map.of("name", "changed"));
            api.clearRequests();
            List<JsonNode> second = new ArrayList<>();
            sync.run(second::add);
            assertThat(api.requests().get(0).query()).containsKey("updated_since");
            assertThat(second).extracting(r -> r.get("id").asString()).contains("rec-0003").hasSizeLessThan(15);
        }
        DefinitionException noStore = catchThrowableOfType(DefinitionException.class,
                () -> definition.bind(Binding.defaults()).incremental("items"));
        assertThat(noStore.line()).isEqualTo(10);
    }

    @Test
    void aSubstreamRequestsPerParentRecordAndCarriesParentFields() {
        Definition definition = RestStreamTest.yaml("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                streams:
                  parents: {path: /items, records: /data, paginator: {type: offset, size: 10}}
                  children:
                    parent: {stream: parents, carry: [/name], concurrency: 2}
                    path: /items
                    params: {parent: "${parent:/id}", limit: "100"}
                    records: /data
                """);
        try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(3)).start()) {
            // the fake ignores the parent parameter: each parent gets the same 3 records as children
            BoundDefinition bound = definition.bind(local(api).build());
            List<JsonNode> children;
            try (var stream = bound.records("children")) {
                children = stream.toList();
            }
            assertThat(children).hasSize(9);
            assertThat(children.get(0).get("parent_name").asString()).isEqualTo("Record 1");
            assertThat(api.requests()).extracting(r -> r.query().get("parent")).contains("rec-0001", "rec-0002", "rec-0003");
            DefinitionException notPlain = catchThrowableOfType(DefinitionException.class,
                    () -> bound.connector("children"));
            assertThat(notPlain.problem()).contains("is a substream");
        }
    }

    @Test
    void aGraphQlStreamPagesItsRelayConnection() {
        Definition definition = RestStreamTest.yaml("""
                inlet: 1
                name: shop
                base_url: https://shop.test
                auth: {type: api_key, name: X-Access-Token, key: "${env:SHOP_TOKEN}"}
                streams:
                  orders:
                    path: /graphql
                    graphql:
                      query: "query($first: Int!, $after: String) { orders(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }"
                      connection: orders
                      page_size: 7
                      cost_throttle: true
                """);
        try (FakeApi api = FakeApi.builder().path("/graphql").records(RecordSet.generate(20))
                .paging(Paging.relay("orders")).auth(Auth.apiKey("X-Access-Token", "tok")).start()) {
            BoundDefinition bound = definition.bind(local(api).environment(n -> Optional.of("tok")).build());
            assertThat(RestStreamTest.ids(bound.records("orders"))).hasSize(20).doesNotHaveDuplicates();
            assertThat(api.requests()).hasSize(3);
            assertThat(definition.stream("orders").orElseThrow().paginator()).isEqualTo("relay");
        }
    }

    @Test
    void oauth2ClientCredentialsAndBasicAuthentication() {
        Definition oauth = RestStreamTest.yaml("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                inputs: {token_url: {type: string}}
                auth:
                  type: oauth2_client_credentials
                  token_url: ${input:token_url}
                  client_id: inlet
                  client_secret: ${env:CLIENT_SECRET}
                  scopes: [items.read]
                streams: {items: {path: /items, records: /data}}
                """);
        try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(3))
                .auth(Auth.oauth2("inlet", "cs-1")).start()) {
            BoundDefinition bound = oauth.bind(local(api).input("token_url", api.baseUrl() + Auth.DEFAULT_TOKEN_PATH)
                    .environment(n -> Optional.of("cs-1")).build());
            assertThat(RestStreamTest.ids(bound.records("items"))).hasSize(3);
            assertThat(api.tokensIssued()).isEqualTo(1);
        }
        Definition basic = RestStreamTest.yaml("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                auth: {type: basic, username: inlet, password: "${file:password.txt}"}
                streams: {items: {path: /items, records: /data}}
                """);
        try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(2))
                .auth(Auth.basic("inlet", "pw")).start()) {
            Path dir = Files.createTempDirectory("inlet-basic");
            Files.writeString(dir.resolve("password.txt"), "pw\n");
            assertThat(RestStreamTest.ids(basic.bind(local(api).baseDirectory(dir).build()).records("items")))
                    .hasSize(2);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aDefinitionFileResolvesFilesNextToItAndReadsJsonToo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("token.txt"), "t0k");
        Files.writeString(dir.resolve("acme.json"), """
                {"inlet": 1, "name": "acme", "base_url": "https://api.acme.test",
                 "auth": {"type": "bearer", "token": "${file:token.txt}"},
                 "streams": {"items": {"path": "/items", "records": "/data"}}}
                """);
        Definition definition = Definitions.load(dir.resolve("acme.json"));
        assertThat(definition.source()).endsWith("acme.json");
        try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(2))
                .auth(Auth.bearer("t0k")).start()) {
            assertThat(RestStreamTest.ids(definition.bind(local(api).build()).records("items"))).hasSize(2);
        }
    }

    @Test
    void rulesValidateRecordsAndSkipTheInvalid() {
        Definition definition = RestStreamTest.yaml("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                streams:
                  items:
                    path: /items
                    records: /data
                    rules: {required: [/id], enum: {/name: [Record 1, Record 3]}}
                    on_invalid: skip
                """);
        try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(4)).start()) {
            assertThat(RestStreamTest.ids(definition.bind(local(api).build()).records("items")))
                    .containsExactly("rec-0001", "rec-0003");
        }
    }

    @Test
    void webhooksRouteEventsToARefreshOfTheirStream() throws Exception {
        Definition definition = RestStreamTest.yaml("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                streams: {charges: {path: /charges}}
                webhooks:
                  path: /hooks/acme
                  scheme: stripe
                  secret: ${env:HOOK_SECRET}
                  events:
                    charge.succeeded: {refresh: charges}
                    "*": ignore
                """);
        assertThat(definition.webhooks()).get().satisfies(w -> {
            assertThat(w.secretReference()).isEqualTo("${env:HOOK_SECRET}");
            assertThat(w.events()).containsEntry("charge.succeeded", Optional.of("charges"));
        });
        LinkedBlockingQueue<String> refreshed = new LinkedBlockingQueue<>();
        WebhookEndpoint endpoint = definition.bind(Binding.builder().environment(n -> Optional.of("whsec_dGVzdA"))
                .build()).webhookEndpoint(refreshed::add).orElseThrow();
        assertThat(endpoint.path()).isEqualTo("/hooks/acme");
        WebhookSigner signer = WebhookSigner.builder(SignatureScheme.stripe()).secret("whsec_dGVzdA").build();
        try (WebhookReceiver receiver = WebhookReceiver.builder().endpoint(endpoint).build()) {
            receiver.start();
            for (String type : List.of("customer.created", "charge.succeeded")) {
                byte[] body = ("{\"id\":\"evt_" + type + "\",\"type\":\"" + type + "\",\"data\":{\"object\":{}}}")
                        .getBytes(StandardCharsets.UTF_8);
                WebhookRequest request = signer.sign(WebhookRequest.post("http://localhost/hooks/acme",
                        Headers.of("Content-Type", "application/json"), body));
                assertThat(receiver.handle("/hooks/acme", request).status()).isEqualTo(200);
            }
            assertThat(refreshed.poll(10, TimeUnit.SECONDS)).isEqualTo("acme-charges");
            assertThat(refreshed.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }
}
