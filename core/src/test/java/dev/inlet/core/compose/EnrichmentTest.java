package dev.inlet.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.record.InMemoryQuarantine;
import dev.inlet.core.Json;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.ListPageSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Joining charges with contacts by email: cached lookups, key normalisation, each missing-match policy. */
class EnrichmentTest {

    private static JsonNode charge(String id, String email) {
        var charge = Json.mapper().createObjectNode().put("id", id).put("amount", 10);
        if (email != null) {
            charge.put("email", email);
        }
        return charge;
    }

    private static JsonNode contact(String email, String name) {
        var contact = Json.mapper().createObjectNode().put("name", name);
        if (email != null) {
            contact.put("email", email);
        }
        return contact;
    }

    private final ListPageSource contactsSource = new ListPageSource(List.of(List.of(
            contact("Ada@Example.com", "Ada"), contact("bob@example.com", "Bob"),
            contact("ada@example.com", "Ada (duplicate)"), contact(null, "No email"))));
    private final Lookup contacts = Lookup.fromConnector(Connector.builder("contacts", contactsSource).build(), "/email")
            .normalizeKeys(k -> k.toLowerCase(Locale.ROOT));

    private static Stream<JsonNode> charges() {
        return Stream.of(charge("ch_1", "ada@example.com"), charge("ch_2", "BOB@example.com"),
                charge("ch_3", "eve@example.com"), charge("ch_4", null));
    }

    @Test
    void matchesAreAddedUnderTheFieldAndMissingOnesKeptWithNull() {
        Enrichment enrichment = Enrichment.builder(contacts).key("/email").into("contact").build();
        List<JsonNode> out = new ArrayList<>();

        EnrichmentReport report = enrichment.run(charges(), out::add);

        assertThat(out).extracting(r -> r.get("id").asString()).containsExactly("ch_1", "ch_2", "ch_3", "ch_4");
        assertThat(out.get(0).at("/contact/name").asString()).as("first record of a key wins").isEqualTo("Ada");
        assertThat(out.get(1).at("/contact/name").asString()).isEqualTo("Bob");
        assertThat(out.get(2).get("contact").isNull()).isTrue();
        assertThat(out.get(3).get("contact").isNull()).isTrue();
        assertThat(report).isEqualTo(new EnrichmentReport(4, 2, 2, 0, 0));
        assertThat(contacts.stats().duplicateKeys()).isEqualTo(1);
        assertThat(contacts.stats().unkeyed()).isEqualTo(1);
    }

    @Test
    void theLookupConnectorIsReadOnceAcrossRunsAndAgainAfterItsRefreshAge() {
        FakeClock clock = new FakeClock();
        Lookup cached = contacts.refreshAfter(Duration.ofHours(1)).clock(clock);
        Enrichment enrichment = Enrichment.builder(cached).key("/email").into("contact").build();

        enrichment.run(charges(), r -> { });
        enrichment.run(charges(), r -> { });
        assertThat(contactsSource.opened()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        enrichment.run(charges(), r -> { });

        assertThat(contactsSource.opened()).isEqualTo(2);
        assertThat(cached.stats().loads()).isEqualTo(2);
    }

    @Test
    void dropLeavesUnmatchedRecordsOutAndCountsThem() {
        Enrichment enrichment = Enrichment.builder(contacts).key("/email").into("contact")
                .onMissing(MissingMatch.DROP).build();

        List<String> ids;
        try (Stream<JsonNode> out = enrichment.apply(charges())) {
            ids = out.map(r -> r.get("id").asString()).toList();
        }
        EnrichmentReport report = enrichment.run(charges(), r -> { });

        assertThat(ids).containsExactly("ch_1", "ch_2");
        assertThat(report.dropped()).isEqualTo(2);
    }

    @Test
    void quarantineHandsUnmatchedRecordsOverWithTheReason() {
        InMemoryQuarantine quarantine = new InMemoryQuarantine();
        Enrichment enrichment = Enrichment.builder(contacts).key("/email").into("contact").name("charges+contacts")
                .onMissing(MissingMatch.QUARANTINE).quarantine(quarantine).build();

        EnrichmentReport report = enrichment.run(charges(), r -> { });

        assertThat(report.quarantined()).isEqualTo(2);
        assertThat(quarantine.rejections()).hasSize(2).first().satisfies(rejection -> {
            assertThat(rejection.connector()).isEqualTo("charges+contacts");
            assertThat(rejection.indexInPage()).isEqualTo(2);
            assertThat(rejection.record().get("id").asString()).isEqualTo("ch_3");
            assertThat(rejection.violations()).singleElement().satisfies(v -> {
                assertThat(v.rule()).isEqualTo("enrichment:missing");
                assertThat(v.message()).contains("eve@example.com");
            });
        });
        assertThat(quarantine.rejections().get(1).violations().get(0).message()).contains("no key at /email");
    }

    @Test
    void failStopsAtTheFirstUnmatchedRecordNamingItsKey() {
        Enrichment enrichment = Enrichment.builder(contacts).key("/email").into("contact")
                .onMissing(MissingMatch.FAIL).build();

        assertThatThrownBy(() -> enrichment.run(charges(), r -> { })).isInstanceOf(CompositionException.class)
                .hasMessageContaining("Record 2").hasMessageContaining("\"eve@example.com\"")
                .hasMessageContaining("MissingMatch.KEEP");
    }

    @Test
    void aFunctionLookupCachesAnswersAndMissesAndEvictsTheLeastRecentlyUsed() {
        Map<String, JsonNode> crm = Map.of("ada@example.com", contact("ada@example.com", "Ada"));
        List<String> asked = new ArrayList<>();
        Lookup lookup = Lookup.of(key -> {
            asked.add(key);
            return Optional.ofNullable(crm.get(key));
        }).maxEntries(2);
        Enrichment enrichment = Enrichment.builder(lookup).key("/email").into("contact").build();

        enrichment.run(Stream.of(charge("1", "ada@example.com"), charge("2", "eve@example.com"),
                charge("3", "ada@example.com"), charge("4", "eve@example.com"), charge("5", "zed@example.com"),
                charge("6", "ada@example.com")), r -> { });

        assertThat(asked).containsExactly("ada@example.com", "eve@example.com", "zed@example.com", "ada@example.com");
        assertThat(lookup.stats().hits()).isEqualTo(2);
        assertThat(lookup.stats().entries()).isEqualTo(2);
    }

    @Test
    void nonObjectRecordsAndMisconfigurationAreClearErrors() {
        Enrichment enrichment = Enrichment.builder(contacts).key("/email").into("contact").build();

        assertThatThrownBy(() -> enrichment.run(Stream.of(Json.mapper().getNodeFactory().stringNode("x")), r -> { }))
                .isInstanceOf(CompositionException.class).hasMessageContaining("STRING, not a JSON object");
        assertThatThrownBy(() -> Enrichment.builder(contacts).key("/email").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("into");
        assertThatThrownBy(() -> Enrichment.builder(contacts).key("email"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON Pointer");
        assertThatThrownBy(() -> contacts.maxEntries(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("function lookup");
        assertThatThrownBy(() -> contacts.refreshAfter(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
