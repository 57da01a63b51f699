package dev.inlet.declarative.replica;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.core.state.Checkpointing;
import dev.inlet.core.state.InMemoryStateStore;
import dev.inlet.declarative.Binding;
import dev.inlet.declarative.BoundDefinition;
import dev.inlet.declarative.Catalogue;
import dev.inlet.declarative.internal.AuthSpec;
import dev.inlet.declarative.internal.DefinitionParser;
import dev.inlet.declarative.internal.DefinitionSpec;
import dev.inlet.declarative.internal.InputSpec;
import dev.inlet.declarative.internal.Nodes;
import dev.inlet.declarative.internal.Resolver;
import dev.inlet.declarative.internal.Section;
import dev.inlet.declarative.internal.StreamSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every top-level stream of every catalogue entry, end to end against a loopback {@link Replica} that pages
 * the way the entry's paginator says the vendor does: every seeded record arrives exactly once, over at
 * least three pages, each request at the stream's path with its method, its parameters and headers, and
 * the credential the entry's {@code auth:} declares (header, query parameter, Basic, bearer or OAuth2).
 * Adding an entry to the catalogue adds its cases here; nothing to write per entry.
 */
class CatalogueReplicaTest {

    /** A value for every environment variable: a test secret that names it. */
    static final Function<String, Optional<String>> ENVIRONMENT = name -> Optional.of("secret-"
            + name.toLowerCase(Locale.ROOT).replace('_', '-'));

    static Stream<Arguments> streams() {
        List<Arguments> cases = new ArrayList<>();
        for (String service : Catalogue.names()) {
            for (StreamSpec stream : spec(service).streams().values()) {
                if (stream.parent() == null) {
                    cases.add(Arguments.of(service, stream.name()));
                }
            }
        }
        return cases.stream();
    }

    /** The checked, internal form of an entry (what the loader builds connectors from). */
    static DefinitionSpec spec(String service) {
        String resource = Catalogue.FOLDER + service + ".yaml";
        try (InputStream in = CatalogueReplicaTest.class.getClassLoader().getResourceAsStream(resource)) {
            return DefinitionParser.parse(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("streams")
    void everySeededRecordArrivesExactlyOnceOverThreePagesWithTheDeclaredCredential(String service, String name)
            throws IOException {
        DefinitionSpec spec = spec(service);
        StreamSpec stream = spec.streams().get(name);
        int count = seedCount(stream);
        List<JsonNode> seeded = Seed.records(stream, count);
        // Inputs that carry a URL (an API host a caller may change) point at the replica, like the base URL.
        String[] replicaUrl = new String[1];
        Map<String, String> inputs = new LinkedHashMap<>();
        for (InputSpec input : spec.inputs().values()) {
            inputs.put(input.name(), input.defaultValue() != null && input.defaultValue().startsWith("http")
                    ? "@replica" : switch (input.type().written()) {
                        case "integer" -> "7";
                        case "number" -> "7.5";
                        case "boolean" -> "true";
                        case "date" -> "2026-01-01";
                        case "date_time" -> "2026-01-01T00:00:00Z";
                        case "secret" -> "secret-input-" + input.name();
                        default -> "x" + input.name();
                    });
        }
        Resolver resolver = new Resolver(ENVIRONMENT, Path.of(""), inputs, spec.inputs());
        String path = stream.path().resolve(resolver);
        boolean oauth = spec.auth() != null && spec.auth().type().equals("oauth2_client_credentials");
        try (Replica replica = Replica.start(path, stream, seeded, authorized(spec.auth(), resolver))) {
            replicaUrl[0] = replica.baseUrl();
            Map<String, String> query = new LinkedHashMap<>();
            stream.query().forEach((k, v) -> query.put(k, v.resolve(resolver)));
            Map<String, String> headers = new LinkedHashMap<>();
            stream.headers().forEach((k, v) -> headers.put(k, v.resolve(resolver)));
            replica.expect(query, headers);
            if (stream.body() != null) {
                replica.expectBody(Nodes.json(stream.body(), node -> Section.text(node).resolve(resolver)));
            }
            Map<String, List<JsonNode>> siblings = stream.paginator().type().equals("request_body_cursor")
                    ? siblings(spec, stream, count) : Map.of();
            replica.siblings(siblings);
            if (oauth) {
                // The token URL is written from an input that carries the API host, so it points here too.
                replica.tokenEndpoint(java.net.URI.create(spec.auth().tokenUrl().resolve(resolver)
                        .replace("@replica", replica.baseUrl())).getPath(), client(spec.auth(), resolver));
            }
            Binding.Builder binding = Binding.builder().baseUrlOverride(replica.baseUrl())
                    .rateLimiters(RateLimiters.create()).environment(ENVIRONMENT);
            inputs.forEach((k, v) -> binding.input(k, v.equals("@replica") ? replicaUrl[0] : v));
            BoundDefinition bound = dev.inlet.declarative.Catalogue.load(service).bind(binding.build());
            List<JsonNode> read;
            try (Stream<JsonNode> records = bound.records(name)) {
                read = records.toList();
            }
            assertThat(replica.problems()).as(service + " " + name + ": what the replica saw").isEmpty();
            String key = Seed.key(stream);
            assertThat(read).extracting(r -> r.at(key).asString()).as(service + " " + name + ": records by key")
                    .containsExactlyElementsOf(seeded.stream().map(r -> r.at(key).asString()).toList());
            if (oauth) {
                assertThat(replica.tokens()).as(service + ": tokens fetched").isEqualTo(1);
            }
            if (!stream.paginator().type().equals("none") || stream.graphql() != null) {
                assertThat(replica.pages()).as(service + " " + name + ": pages").isGreaterThanOrEqualTo(3);
            }
            if (stream.paginator().type().equals("request_body_cursor")) {
                // Through the page without the stream's records, to the last page of the longest array.
                assertThat(replica.pages()).as(service + " " + name + ": pages of the whole sync").isEqualTo(1
                        + SyncPages.last(count, siblings.values().stream().mapToInt(List::size).max().orElse(0)));
                // The body carries the credentials; a saved position must carry only the cursor.
                try (ConnectorRun<JsonNode> run = bound.connector(name).open()) {
                    run.records().limit(Replica.CURSOR_PAGE + 1).forEach(r -> { });
                    assertThat(run.position().asString()).as(service + " " + name + ": a saved position")
                            .contains("\"" + SyncPages.cursorOf(Replica.CURSOR_PAGE) + "\"").doesNotContain("secret-");
                }
                if (stream.paginator().continueFrom() != null) {
                    continuesFromTheLastCursor(service + " " + name, bound.connector(name), replica, count,
                            SyncPages.last(count, siblings.values().stream().mapToInt(List::size).max().orElse(0)));
                }
            }
        }
    }

    /**
     * A sync entry's {@code continue_from}: a completed run with state keeps the last page's cursor, and the next
     * run sends it as its first request (the replica answers the page after the end: nothing new).
     */
    private static void continuesFromTheLastCursor(String what, Connector<JsonNode> connector, Replica replica,
            int count, int last) {
        InMemoryStateStore store = new InMemoryStateStore();
        Checkpointing<JsonNode> sync = Checkpointing.builder(connector, store).build();
        List<JsonNode> first = new ArrayList<>();
        sync.run(first::add);
        assertThat(first).as(what + ": the first sync").hasSize(count);
        String cursor = "c" + (last + 1);
        assertThat(store.load(connector.name()).orElseThrow().continuation()).as(what + ": kept").contains(cursor);
        int pages = replica.pages();
        List<JsonNode> second = new ArrayList<>();
        sync.run(second::add);
        assertThat(second).as(what + ": nothing changed since").isEmpty();
        assertThat(replica.pages() - pages).as(what + ": one request, from the kept cursor").isEqualTo(1);
        assertThat(store.load(connector.name()).orElseThrow().continuation()).as(what + ": the page after " + cursor)
                .contains("c" + (last + 2));
        assertThat(replica.problems()).as(what).isEmpty();
    }

    @Test
    void streamsThatSendTheSameRequestTakeDifferentArraysOfTheAnswer() {
        List<String> doubles = new ArrayList<>();
        for (String service : Catalogue.names()) {
            Map<String, String> taken = new LinkedHashMap<>();
            for (StreamSpec s : CatalogueDocs.sharing(spec(service))) {
                String previous = taken.put(CatalogueDocs.request(s) + " " + s.records(), s.name());
                if (previous != null) {
                    doubles.add(service + ": " + previous + " and " + s.name() + " both read " + s.records());
                }
            }
        }
        assertThat(doubles).as("streams reading the same array of the same request").isEmpty();
        assertThat(CatalogueDocs.sharing(spec("plaid"))).extracting(StreamSpec::records)
                .containsExactly("/added", "/modified", "/removed");
    }

    /**
     * The other arrays answered with a stream's records: those of the entry's other streams on the same request
     * (Plaid's added, modified and removed), each with records of its own whose keys the stream's never have.
     */
    static Map<String, List<JsonNode>> siblings(DefinitionSpec spec, StreamSpec stream, int count) {
        Map<String, List<JsonNode>> arrays = new LinkedHashMap<>();
        for (StreamSpec other : spec.streams().values()) {
            if (other != stream && other.records() != null && !other.records().equals(stream.records())
                    && other.parent() == null && CatalogueDocs.request(other).equals(CatalogueDocs.request(stream))) {
                // More than the stream's own, so the sync's last page is decided by another array at times.
                List<JsonNode> records = Seed.records(other, count + 2 * Replica.CURSOR_PAGE);
                for (int i = 0; i < records.size(); i++) {
                    Seed.put((ObjectNode) records.get(i), Seed.key(other),
                            Seed.NODES.stringNode(other.name() + "-" + i));
                }
                arrays.put(other.records(), records);
            }
        }
        return arrays;
    }

    /** Enough records for three pages: twice the page size plus one. */
    static int seedCount(StreamSpec stream) {
        if (stream.graphql() != null) {
            return 2 * stream.graphql().pageSize() + 1;
        }
        boolean clientSized = stream.paginator().sizeParam() != null
                && (stream.paginator().type().equals("offset") || stream.paginator().type().equals("page_number"));
        return 2 * (clientSized ? stream.paginator().size() : Replica.CURSOR_PAGE) + 1;
    }

    /** Whether a token request carries the client's id and secret (client_secret_basic, the default). */
    static Predicate<HttpExchange> client(AuthSpec auth, Resolver resolver) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((auth.clientId().resolve(resolver) + ":"
                + auth.secret().resolve(resolver).reveal()).getBytes(StandardCharsets.UTF_8));
        return exchange -> expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    /** Whether a request carries what the entry's {@code auth:} says, with the binding's values. */
    static Predicate<HttpExchange> authorized(AuthSpec auth, Resolver resolver) {
        if (auth == null || auth.type().equals("none")) {
            return exchange -> true;
        }
        String secret = auth.secret().resolve(resolver).reveal();
        return switch (auth.type()) {
            case "bearer" -> exchange -> ("Bearer " + secret).equals(exchange.getRequestHeaders()
                    .getFirst("Authorization"));
            case "basic" -> {
                // Without a username template, the secret is the user name and the password is empty.
                String credentials = auth.username() == null ? secret + ":"
                        : auth.username().resolve(resolver) + ":" + secret;
                String expected = "Basic " + Base64.getEncoder().encodeToString(credentials
                        .getBytes(StandardCharsets.UTF_8));
                yield exchange -> expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            }
            case "api_key" -> switch (auth.in()) {
                case "query" -> exchange -> secret.equals(Replica.query(exchange.getRequestURI().getRawQuery())
                        .get(auth.name()));
                case "header" -> exchange -> secret.equals(exchange.getRequestHeaders().getFirst(auth.name()));
                default -> throw new AssertionError("the replica checks no " + auth.in() + " keys yet");
            };
            case "oauth2_client_credentials" -> exchange -> ("Bearer " + Replica.ACCESS_TOKEN).equals(
                    exchange.getRequestHeaders().getFirst("Authorization"));
            default -> throw new AssertionError("the replica checks no " + auth.type() + " auth yet");
        };
    }
}
