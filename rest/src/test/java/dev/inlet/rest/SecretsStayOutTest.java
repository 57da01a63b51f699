package dev.inlet.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.error.DecodingException;
import dev.inlet.core.error.InletException;
import dev.inlet.core.InletListener;
import dev.inlet.core.error.OriginRefusedException;
import dev.inlet.core.error.PaginationException;
import dev.inlet.core.Position;
import dev.inlet.core.RunReport;
import dev.inlet.core.Secret;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Origin;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.state.Checkpointing;
import dev.inlet.core.state.FileStateStore;
import dev.inlet.core.testing.RecordingListener;
import dev.inlet.rest.paginate.Paginators;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An API key in a query parameter with an unremarkable name ({@code appid}) that the server echoes
 * into its next link and error bodies appears nowhere Inlet writes: exception chains, positions,
 * run reports, listener events, state files. And a connector's records come only from origins it
 * allows, with credential headers only for its own origin.
 */
class SecretsStayOutTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension other = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String KEY = "k3y/4pp+id=";
    private static final String ENCODED_KEY = URLEncoder.encode(KEY, StandardCharsets.UTF_8);

    @TempDir
    Path stateDir;

    private final RecordingListener listener = new RecordingListener();

    private Connector<JsonNode> weather() {
        return RestConnector.builder("weather").baseUrl(api.baseUrl()).path("/items")
                .paginator(Paginators.linkHeader()).listener(listener)
                .pipeline(HttpPipeline.builder().retryPolicy(RetryPolicy.none()).build())
                .credentials(Credentials.apiKeyQuery(Origin.of(api.baseUrl()), "appid", Secret.of(KEY)))
                .build();
    }

    /** Page 1 links to page 2 with the key echoed in the link, as many APIs do. */
    private static void pageOneEchoesTheKeyInItsNextLink() {
        api.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", absent())
                .withQueryParam("appid", equalTo(KEY))
                .willReturn(okJson(Items.items(0, 3)).withHeader("Link", "<" + api.baseUrl()
                        + "/items?page=2&appid=" + ENCODED_KEY + ">; rel=\"next\"")));
    }

    private static void assertFree(String where, String text) {
        assertThat(text).as(where).doesNotContain(KEY).doesNotContain(ENCODED_KEY);
    }

    private static void assertChainFree(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertFree("exception message", String.valueOf(t.getMessage()));
            assertFree("exception", t.toString());
            if (t instanceof InletException inlet) {
                inlet.resumePosition().ifPresent(p -> {
                    assertFree("resume position", p.asString());
                    assertFree("resume position", p.toString());
                });
            }
        }
    }

    @Test
    void aStoredPositionNeverCarriesTheKeyAndTheCredentialAddsItAgainOnResume() {
        pageOneEchoesTheKeyInItsNextLink();
        api.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(Items.items(3, 5))));
        Connector<JsonNode> connector = weather();

        String saved;
        try (ConnectorRun<JsonNode> run = connector.open()) {
            run.records().limit(4).forEach(r -> { });
            saved = run.position().asString();
            assertFree("position", run.position().toString());
        }
        assertFree("saved position", saved);
        assertThat(Position.parse(saved).token()).contains(api.baseUrl() + "/items?page=2");

        List<Integer> rest;
        try (Stream<JsonNode> records = connector.records(Position.parse(saved))) {
            rest = records.map(r -> r.get("n").asInt()).toList();
        }
        assertThat(rest).containsExactly(4);
        api.verify(getRequestedFor(urlPathEqualTo("/items")).withQueryParam("page", equalTo("2"))
                .withQueryParam("appid", equalTo(KEY)));
        assertThat(listener.events()).allSatisfy(event -> assertFree("listener event", event.toString()));
    }

    @Test
    void aFailedCheckpointedRunLeavesTheKeyInNoMessageReportEventOrStateFile() throws IOException {
        pageOneEchoesTheKeyInItsNextLink();
        api.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("2"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid api key " + KEY
                        + "\",\"request\":\"/items?page=2&appid=" + ENCODED_KEY + "\"}")));
        Connector<JsonNode> connector = weather();
        Checkpointing<JsonNode> sync = Checkpointing.builder(connector, FileStateStore.in(stateDir)).build();

        RuntimeException failure = assertThrows(RuntimeException.class, () -> sync.run(record -> { }));

        assertThat(failure.getMessage()).contains("HTTP 401").contains("invalid api key ***");
        assertChainFree(failure);
        RunReport report = connector.lastReport().orElseThrow();
        assertThat(report.failure()).isPresent();
        assertFree("run report", report.toString());
        assertFree("run report failure", report.failure().orElseThrow());
        report.resumePosition().ifPresent(p -> assertFree("report position", p.asString()));
        assertThat(listener.events()).isNotEmpty()
                .allSatisfy(event -> assertFree("listener event", event.toString()));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(stateDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertFree("state file " + file.getFileName(), Files.readString(file));
        }
        assertThat(sync.state().orElseThrow().position().orElseThrow().token())
                .contains(api.baseUrl() + "/items?page=2");
    }

    @Test
    void anUndecodableBodyEchoingTheKeyIsQuotedScrubbed() {
        api.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>unknown appid " + KEY + "</html>")));

        DecodingException e = assertThrows(DecodingException.class, () -> {
            try (Stream<JsonNode> records = weather().records()) {
                records.forEach(r -> { });
            }
        });

        assertThat(e.getMessage()).contains("unknown appid ***");
        assertThat(e.bodyExcerpt()).contains("unknown appid ***");
        assertFree("body excerpt", e.bodyExcerpt());
        assertChainFree(e);
    }

    @Test
    void aRedirectToAnotherOriginIsRefusedUnlessAllowed() {
        api.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", other.baseUrl() + "/mirror")));
        other.stubFor(get(urlPathEqualTo("/mirror")).willReturn(okJson(Items.items(0, 2))));
        RestConnector.Builder builder = RestConnector.builder("mirrored").baseUrl(api.baseUrl()).path("/items")
                .listener(listener).pipeline(HttpPipeline.builder().retryPolicy(RetryPolicy.none()).build());

        OriginRefusedException e = assertThrows(OriginRefusedException.class, () -> {
            try (Stream<JsonNode> records = builder.build().records()) {
                records.forEach(r -> { });
            }
        });

        assertThat(e.getMessage()).contains(Origin.of(other.baseUrl()).toString())
                .contains(Origin.of(api.baseUrl()).toString()).contains("allowOrigin(");
        other.verify(0, anyRequestedFor(urlPathEqualTo("/mirror")));
        assertThat(listener.of(InletListener.OriginRefused.class)).singleElement()
                .satisfies(event -> assertThat(event.connector()).isEqualTo("mirrored"));

        List<JsonNode> allowed;
        try (Stream<JsonNode> records = builder.allowOrigin(other.baseUrl()).build().records()) {
            allowed = records.toList();
        }
        assertThat(allowed).hasSize(2);
    }

    @Test
    void aForeignNextLinkIsReportedToTheListenerAsWellAsRefused() {
        api.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson(Items.items(0, 1))
                .withHeader("Link", "<" + other.baseUrl() + "/items?page=2>; rel=\"next\"")));
        Connector<JsonNode> connector = RestConnector.builder("linked").baseUrl(api.baseUrl()).path("/items")
                .paginator(Paginators.linkHeader()).listener(listener).build();

        assertThrows(PaginationException.class, () -> {
            try (Stream<JsonNode> records = connector.records()) {
                records.forEach(r -> { });
            }
        });
        assertThat(listener.of(InletListener.OriginRefused.class)).singleElement()
                .satisfies(event -> assertThat(event.target()).startsWith(other.baseUrl() + "/items?page=2"));
    }

    @Test
    void staticCredentialHeadersNeverGoToAnAllowedOtherOrigin() {
        api.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson(Items.items(0, 1))
                .withHeader("Link", "<" + other.baseUrl() + "/items?page=2>; rel=\"next\"")));
        other.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson(Items.items(1, 2))));
        Connector<JsonNode> connector = RestConnector.builder("cdn").baseUrl(api.baseUrl()).path("/items")
                .paginator(Paginators.linkHeader()).allowOrigin(other.baseUrl())
                .header("Authorization", "Bearer st4tic-t0ken").header("X-Api-Key", "st4tic-k3y")
                .header("X-Tenant", "acme").build();

        List<JsonNode> records;
        try (Stream<JsonNode> stream = connector.records()) {
            records = new ArrayList<>(stream.toList());
        }

        assertThat(records).hasSize(2);
        LoggedRequest home = api.findAll(getRequestedFor(urlPathEqualTo("/items"))).get(0);
        assertThat(home.getHeader("Authorization")).isEqualTo("Bearer st4tic-t0ken");
        assertThat(home.getHeader("X-Api-Key")).isEqualTo("st4tic-k3y");
        LoggedRequest away = other.findAll(getRequestedFor(urlPathEqualTo("/items"))).get(0);
        assertThat(away.containsHeader("Authorization")).isFalse();
        assertThat(away.containsHeader("X-Api-Key")).isFalse();
        assertThat(away.getHeader("X-Tenant")).isEqualTo("acme");
    }
}
