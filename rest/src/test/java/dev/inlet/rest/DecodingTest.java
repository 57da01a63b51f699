package dev.inlet.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.error.BodyErrorException;
import dev.inlet.core.error.DecodingException;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.retry.BodyVerdict;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.rest.decode.BodyFormat;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Every content type, and every way a body can be wrong, with a clear error and never an NPE. */
class DecodingTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** No retries: these bodies are wrong on purpose and the tests must not wait. */
    private static final HttpPipeline NO_RETRY = HttpPipeline.builder().retryPolicy(RetryPolicy.none()).build();

    private void serve(ResponseDefinitionBuilder response) {
        api.stubFor(get(urlPathEqualTo("/r")).willReturn(response));
    }

    private RestConnector.Builder endpoint() {
        return RestConnector.builder("decoding").baseUrl(api.baseUrl()).path("/r").pipeline(NO_RETRY);
    }

    private static List<JsonNode> all(RestConnector.Builder builder) {
        try (Stream<JsonNode> records = builder.build().records()) {
            return records.toList();
        }
    }

    @Test
    void jsonWithARecordsPointerAndAVendorMediaType() {
        serve(aResponse().withHeader("Content-Type", "application/vnd.api+json")
                .withBody("{\"meta\":{\"n\":2},\"data\":{\"items\":[{\"a\":1},{\"a\":2}],\"after\":\"x\"},\"z\":true}"));
        assertThat(all(endpoint().records("/data/items"))).extracting(r -> r.get("a").asInt()).containsExactly(1, 2);
    }

    @Test
    void ndjsonUnderEveryCommonMediaType() {
        for (String type : List.of("application/x-ndjson", "application/jsonl", "application/x-jsonlines")) {
            serve(aResponse().withHeader("Content-Type", type).withBody("{\"a\":1}\n{\"a\":2}\n\n{\"a\":3}\n"));
            assertThat(all(endpoint())).as(type).extracting(r -> r.get("a").asInt()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void csvWithAHeaderRow() {
        serve(aResponse().withHeader("Content-Type", "text/csv; charset=utf-8")
                .withBody("id,amount,country\n1,9.99,DE\n2,\"1,000.50\",FR\n"));
        List<JsonNode> rows = all(endpoint());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("amount").asString()).isEqualTo("9.99");
        assertThat(rows.get(1).get("amount").asString()).isEqualTo("1,000.50");
        assertThat(rows.get(1).get("country").asString()).isEqualTo("FR");
    }

    @Test
    void xmlRecordsByPointerIncludingASingleElement() {
        serve(aResponse().withHeader("Content-Type", "application/xml")
                .withBody("<orders count=\"2\"><order><id>1</id><total>9.99</total></order>"
                        + "<order><id>2</id><total>5.00</total></order></orders>"));
        List<JsonNode> orders = all(endpoint().records("/order"));
        assertThat(orders).extracting(r -> r.get("id").asString()).containsExactly("1", "2");

        serve(aResponse().withHeader("Content-Type", "text/xml").withBody("<orders><order><id>7</id></order></orders>"));
        assertThat(all(endpoint().records("/order"))).extracting(r -> r.get("id").asString()).containsExactly("7");
    }

    @Test
    void xmlExternalEntitiesAreRefused() {
        serve(aResponse().withHeader("Content-Type", "application/xml").withBody(
                "<?xml version=\"1.0\"?><!DOCTYPE orders [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
                        + "<orders><order><id>&xxe;</id></order></orders>"));
        String hostname = readHostname();
        assertThatThrownBy(() -> all(endpoint().records("/order")))
                .isInstanceOf(DecodingException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(hostname.isBlank() ? "\u0000" : hostname));
    }

    private static String readHostname() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).trim();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void aJsonBodyWithoutContentTypeIsSniffed() {
        serve(aResponse().withBody("  [{\"a\":1}]"));
        assertThat(all(endpoint())).extracting(r -> r.get("a").asInt()).containsExactly(1);
    }

    @Test
    void anHtmlPageWithStatus200IsADecodingErrorThatQuotesIt() {
        serve(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>Service temporarily unavailable</h1></body></html>"));
        assertThatThrownBy(() -> all(endpoint().query("api_key", "sk_live_secret")))
                .isInstanceOf(DecodingException.class)
                .hasMessageContaining("HTML page")
                .hasMessageContaining("Service temporarily unavailable")
                .hasMessageContaining("/r?api_key=***")
                .hasMessageNotContaining("sk_live_secret")
                .satisfies(e -> assertThat(((DecodingException) e).isRetryable())
                        .as("an HTML page with 200 comes back byte for byte: not retried").isFalse());
    }

    @Test
    void anEmptyBodyIsAnErrorOrAnEmptyPageWhenConfigured() {
        serve(aResponse().withHeader("Content-Type", "application/json").withStatus(200));
        assertThatThrownBy(() -> all(endpoint())).isInstanceOf(DecodingException.class)
                .hasMessageContaining("Empty JSON body").hasMessageContaining("emptyBodyIsEmptyPage");
        assertThat(all(endpoint().emptyBodyIsEmptyPage(true))).isEmpty();
    }

    @Test
    void noContentIsAnEmptyLastPage() {
        serve(aResponse().withStatus(204));
        assertThat(all(endpoint())).isEmpty();
    }

    @Test
    void anUnknownContentTypeSaysHowToForceAFormat() {
        serve(aResponse().withHeader("Content-Type", "text/plain").withBody("[{\"a\":1}]"));
        assertThatThrownBy(() -> all(endpoint())).isInstanceOf(DecodingException.class)
                .hasMessageContaining("text/plain").hasMessageContaining("format(BodyFormat.JSON)")
                .satisfies(e -> assertThat(((DecodingException) e).isRetryable()).isFalse());
        assertThat(all(endpoint().format(BodyFormat.JSON))).hasSize(1);
    }

    @Test
    void truncatedJsonSaysWhereItEnded() {
        serve(aResponse().withHeader("Content-Type", "application/json").withBody("[{\"a\":1},{\"a\":2},{\"a\""));
        assertThatThrownBy(() -> all(endpoint())).isInstanceOf(DecodingException.class)
                .hasMessageContaining("JSON body").hasMessageContaining("at byte")
                .satisfies(e -> assertThat(((DecodingException) e).byteOffset()).isPresent());
    }

    @Test
    void malformedJsonIsADecodingError() {
        serve(aResponse().withHeader("Content-Type", "application/json").withBody("[{\"a\":1},{a:2}]"));
        assertThatThrownBy(() -> all(endpoint())).isInstanceOf(DecodingException.class)
                .hasMessageContaining("Malformed JSON body");
    }

    @Test
    void aMissingRecordsPathNamesTheFieldsThatAreThere() {
        serve(aResponse().withHeader("Content-Type", "application/json").withBody("{\"results\":[],\"paging\":{}}"));
        assertThatThrownBy(() -> all(endpoint().records("/data"))).isInstanceOf(DecodingException.class)
                .hasMessageContaining("No records at /data").hasMessageContaining("results, paging")
                .satisfies(e -> assertThat(((DecodingException) e).isRetryable()).isFalse());
        assertThat(all(endpoint().records("/data").missingRecordsAsEmpty(true))).isEmpty();
    }

    @Test
    void anObjectWhereAnArrayIsExpectedIsAnError() {
        serve(aResponse().withHeader("Content-Type", "application/json").withBody("{\"data\":{\"items\":[1]}}"));
        assertThatThrownBy(() -> all(endpoint().records("/data"))).isInstanceOf(DecodingException.class)
                .hasMessageContaining("Expected an array of records at /data").hasMessageContaining("items");
        assertThatThrownBy(() -> all(endpoint())).isInstanceOf(DecodingException.class)
                .hasMessageContaining("Expected an array of records at the body");
    }

    @Test
    void numbersStayExactDecimals() {
        serve(aResponse().withHeader("Content-Type", "application/json")
                .withBody("[{\"amount\":0.1},{\"amount\":12345678901234567890.12}]"));
        assertThat(all(endpoint())).extracting(r -> r.get("amount").decimalValue())
                .containsExactly(new BigDecimal("0.1"), new BigDecimal("12345678901234567890.12"));
    }

    @Test
    void aSuccessfulResponseWhoseBodyReportsAnErrorFailsWhenClassifiedSo() {
        serve(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error\":\"invalid_auth\",\"data\":[]}"));
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(1).bodyClassifier((response, envelope) ->
                envelope.path("ok").asBoolean(true) ? BodyVerdict.ACCEPT : BodyVerdict.FAIL).build();
        assertThatThrownBy(() -> all(endpoint().records("/data").retryPolicy(policy)))
                .isInstanceOf(BodyErrorException.class).hasMessageContaining("invalid_auth");
    }

    @Test
    void anErrorBodyWithoutTheRecordsPathIsClassifiedBeforeItIsCalledMissing() {
        serve(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"));
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(1).bodyClassifier((response, envelope) ->
                envelope.path("ok").asBoolean(true) ? BodyVerdict.ACCEPT : BodyVerdict.RETRY).build();
        assertThatThrownBy(() -> all(endpoint().records("/data").retryPolicy(policy)))
                .isInstanceOf(BodyErrorException.class).hasMessageContaining("ratelimited")
                .satisfies(e -> assertThat(((BodyErrorException) e).isRetryable()).isTrue());
        assertThatThrownBy(() -> all(endpoint().records("/data")))
                .isInstanceOf(DecodingException.class).hasMessageContaining("No records at /data");
    }
}
