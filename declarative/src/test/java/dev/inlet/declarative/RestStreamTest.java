package dev.inlet.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.testkit.Auth;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RestStreamTest {

    static Definition yaml(String text) {
        return Definitions.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    static List<String> ids(Stream<JsonNode> records) {
        try (records) {
            return records.map(r -> r.get("id").asString()).toList();
        }
    }

    @Test
    void offsetPagedStreamFromYamlReadsEveryRecordWithTheKeyFromTheEnvironment() {
        Definition definition = yaml("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                auth:
                  type: bearer
                  token: ${env:ACME_TOKEN}
                streams:
                  items:
                    path: /items
                    records: /data
                    primary_key: /id
                    paginator:
                      type: offset
                      size: 10
                """);
        try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(25)).paging(Paging.offset())
                .auth(Auth.bearer("t0ken")).start()) {
            BoundDefinition bound = definition.bind(Binding.builder()
                    .environment(name -> name.equals("ACME_TOKEN") ? Optional.of("t0ken") : Optional.empty())
                    .baseUrlOverride(api.baseUrl())
                    .build());
            List<String> ids = ids(bound.connector("items").records());
            assertThat(ids).hasSize(25).startsWith("rec-0001").endsWith("rec-0025").doesNotHaveDuplicates();
            // offset paging ends on an empty page: 10 + 10 + 5 + 0
            assertThat(api.requests()).hasSize(4);
            assertThat(api.requests().get(1).query()).containsEntry("offset", "10").containsEntry("limit", "10");
            assertThat(bound.connector("items").name()).isEqualTo("acme-items");
        }
    }

    @Test
    void bodyCursorFromASharedPaginatorBlockWithInputsInTheQuery() {
        Definition definition = yaml("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                inputs:
                  status: {type: string, default: open}
                  page_size: {type: integer, default: "7"}
                paginators:
                  standard:
                    type: body_cursor
                    cursor: /paging/next/after
                    absent_means_end: true
                streams:
                  contacts:
                    path: /contacts
                    params:
                      status: ${input:status}
                      limit: ${input:page_size}
                    records: /data
                    paginator: {use: standard}
                """);
        try (FakeApi api = FakeApi.builder().path("/contacts").records(RecordSet.generate(20))
                .paging(Paging.bodyCursor()).start()) {
            BoundDefinition bound = definition.bind(Binding.builder().input("status", "closed")
                    .baseUrlOverride(api.baseUrl()).build());
            assertThat(ids(bound.records("contacts"))).hasSize(20).doesNotHaveDuplicates();
            assertThat(api.requests()).hasSize(3);
            assertThat(api.requests().get(0).query()).containsAllEntriesOf(Map.of("status", "closed", "limit", "7"));
            assertThat(api.requests().get(1).query()).containsKey("after");
        }
    }

    @Test
    void definitionShowsWhatItDeclares() {
        Definition definition = yaml("""
                inlet: 1
                name: acme
                base_url: https://api.acme.test
                streams:
                  b: {path: /b}
                  a: {path: /a, paginator: {type: link_header}, primary_key: /id}
                """);
        assertThat(definition.name()).isEqualTo("acme");
        assertThat(definition.source()).isEqualTo("test.yaml");
        assertThat(definition.streams()).containsExactly("b", "a");
        assertThat(definition.stream("a")).get().satisfies(s -> {
            assertThat(s.paginator()).isEqualTo("link_header");
            assertThat(s.primaryKey()).contains("/id");
        });
        assertThat(definition.stream("c")).isEmpty();
        assertThat(definition.webhooks()).isEmpty();
    }
}
