package dev.inlet.it;

import com.sun.net.httpserver.HttpServer;
import dev.inlet.core.Connector;
import dev.inlet.core.Headers;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.webhooks.verify.Keyring;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.VerificationResult;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What every sample of the consumer matrix runs, with nothing but Inlet's public API: a two-page fetch
 * from an in-process Stripe-like server (typed records, so Jackson's annotation introspection runs), and
 * the verification of a Standard Webhooks delivery signed here by hand (and of a forged one).
 */
public final class Scenario {

    /** A Stripe-like charge; amounts stay exact. */
    public record Charge(String id, BigDecimal amount, String currency) {
    }

    private static final String SECRET = "whsec_" + Base64.getEncoder()
            .encodeToString("consumer-matrix-secret-32-bytes!".getBytes(StandardCharsets.US_ASCII));

    private Scenario() {
    }

    /** Fetches every charge from a two-page Stripe-like API on a loopback port. */
    public static List<Charge> fetchCharges() {
        return serve("application/json", query -> query != null && query.contains("starting_after=ch_2")
                ? "{\"data\":[{\"id\":\"ch_3\",\"amount\":0.10,\"currency\":\"usd\"}],\"has_more\":false}"
                : "{\"data\":[{\"id\":\"ch_1\",\"amount\":12.50,\"currency\":\"eur\"},"
                        + "{\"id\":\"ch_2\",\"amount\":7,\"currency\":\"eur\"}],\"has_more\":true}",
                baseUrl -> {
                    Connector<Charge> charges = RestConnector.builder("charges")
                            .baseUrl(baseUrl).path("/v1/charges").records("/data")
                            .paginator(Paginators.stripe())
                            .build(Charge.class);
                    try (Stream<Charge> stream = charges.records()) {
                        return stream.collect(Collectors.toList());
                    }
                });
    }

    /** Fetches from an endpoint that answers XML (needs jackson-dataformat-xml). */
    public static List<String> fetchXmlIds() {
        return serve("application/xml", query -> "<orders><order><id>o_1</id></order><order><id>o_2</id></order></orders>",
                baseUrl -> {
                    try (Stream<tools.jackson.databind.JsonNode> stream = RestConnector.builder("orders")
                            .baseUrl(baseUrl).path("/orders").records("/order").build().records()) {
                        return stream.map(order -> order.path("id").asString()).collect(Collectors.toList());
                    }
                });
    }

    /**
     * Verifies a Standard Webhooks delivery signed with the shared secret, and the same delivery with a
     * changed body.
     *
     * @return the genuine delivery's result, then the forged one's
     */
    public static List<VerificationResult> verifyWebhooks() {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks())
                .keyring(Keyring.of(SECRET))
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
        String body = "{\"type\":\"charge.succeeded\",\"data\":{\"id\":\"ch_1\",\"amount\":12.50}}";
        String id = "msg_2Kx";
        String timestamp = Long.toString(now.getEpochSecond());
        Headers headers = Headers.of("webhook-id", id, "webhook-timestamp", timestamp,
                "webhook-signature", "v1," + sign(id + "." + timestamp + "." + body));
        String url = "https://app.example/webhooks";
        return List.of(
                verifier.verify(WebhookRequest.post(url, headers, body.getBytes(StandardCharsets.UTF_8))),
                verifier.verify(WebhookRequest.post(url, headers,
                        body.replace("12.50", "1250.00").getBytes(StandardCharsets.UTF_8))));
    }

    private static String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Pages {
        String body(String query);
    }

    private interface Client<T> {
        T run(String baseUrl);
    }

    private static <T> T serve(String contentType, Pages pages, Client<T> client) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] bytes = pages.body(exchange.getRequestURI().getRawQuery()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            return client.run("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
        } finally {
            server.stop(0);
        }
    }
}
