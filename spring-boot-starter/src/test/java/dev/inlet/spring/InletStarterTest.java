package dev.inlet.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Headers;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.webhooks.verify.Keyring;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.receiver.WebhookEvent;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The starter in a real Spring Boot 4 application on a random port, with the actuator. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "inlet.credentials.stripe=" + InletStarterTest.API_KEY,
        "inlet.pipelines.stripe.auth=bearer",
        "inlet.pipelines.stripe.origin=https://api.stripe.com",
        "inlet.pipelines.stripe.credential=stripe",
        "inlet.pipelines.stripe.request-timeout=12s",
        "inlet.connectors.charges.every=1h",
        "inlet.connectors.refunds.every=1h",
        "inlet.webhooks.endpoints.orders.path=/hooks/orders",
        "inlet.webhooks.endpoints.orders.scheme=standard-webhooks",
        "inlet.webhooks.endpoints.orders.secrets.primary=" + InletStarterTest.WEBHOOK_SECRET,
        "inlet.webhooks.endpoints.orders.max-body-bytes=4096",
        "management.endpoints.web.exposure.include=health,env,configprops",
        "management.endpoint.health.show-details=always",
        "management.endpoint.env.show-values=always",
        "management.endpoint.configprops.show-values=always",
        "logging.level.dev.inlet=DEBUG"})
class InletStarterTest {

    static final String API_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dcSECRET";
    static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String WEBHOOK_SECRET_BODY = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestApplication app;

    @Autowired
    InletProperties properties;

    @Autowired
    InletCredentials credentials;

    @Autowired
    InletPipelines pipelines;

    @Autowired
    InletScheduler scheduler;

    @Autowired
    InletWebhooks webhooks;

    @Test
    void propertiesBindIntoCredentialsAndPipelines() {
        assertThat(credentials.get("stripe").reveal()).isEqualTo(API_KEY);
        HttpPipeline stripe = pipelines.get("stripe");
        assertThat(stripe).isNotNull();
        assertThat(pipelines.names()).containsExactly("stripe");
        assertThat(properties.pipelines().get("stripe").requestTimeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(properties.webhooks().workers()).isEqualTo(4);               // the documented default
        assertThat(properties.scheduler().closeTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aSignedDeliveryOverTheRandomPortIsVerifiedAndHandled() throws Exception {
        byte[] text = "{\"type\":\"order.paid\",\r\n \"total\" : \"12.50\", \"note\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] body = java.util.Arrays.copyOf(text, text.length + 4);
        body[text.length] = (byte) 0xE9;                    // Latin-1 'é': not UTF-8, must arrive untouched
        body[text.length + 1] = '"';
        body[text.length + 2] = '}';
        body[text.length + 3] = ' ';
        WebhookRequest signed = sign("msg_order_1", body);

        HttpResponse<String> accepted = send(signed);
        HttpResponse<String> again = send(signed);

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        WebhookEvent event = app.orders.poll(5, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.body()).isEqualTo(body);          // the raw body, byte for byte
        assertThat(event.id()).contains("msg_order_1");
        assertThat(send(sign("msg_order_2", "{}".getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(200);
        assertThat(app.orders.poll(5, TimeUnit.SECONDS).id()).contains("msg_order_2");   // the repeat was not handled
    }

    @Test
    void aForgedDeliveryIs401AndAnOversizedOne413() throws Exception {
        WebhookRequest genuine = sign("msg_forged", "{\"total\":\"1.00\"}".getBytes(StandardCharsets.UTF_8));
        WebhookRequest forged = WebhookRequest.of("POST", genuine.url(), genuine.headers(),
                "{\"total\":\"1000.00\"}".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> refused = send(forged);
        HttpResponse<String> tooLarge = send(sign("msg_big", new byte[5000]));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).startsWith("NO_MATCHING_SIGNATURE");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(app.orders).isEmpty();
    }

    @Test
    void healthShowsEachConnectorAndEndpoint() throws Exception {
        JsonNode before = getJson("/actuator/health/inlet");
        assertThat(before.at("/components/webhooks/components/hooks-orders/status").asString()).isEqualTo("UP");
        assertThat(before.at("/components/webhooks/components/hooks-orders/details/path").asString())
                .isEqualTo("/hooks/orders");

        assertThat(scheduler.runNow("charges")).isTrue();
        assertThat(scheduler.runNow("refunds")).isTrue();
        await(() -> scheduler.health("charges").lastRun().isPresent() && scheduler.health("refunds").lastRun().isPresent());

        JsonNode after = getJson("/actuator/health/inlet");
        JsonNode charges = after.at("/components/connectors/components/charges");
        JsonNode refunds = after.at("/components/connectors/components/refunds");
        assertThat(charges.at("/status").asString()).isEqualTo("UP");
        assertThat(charges.at("/details/lastSuccessAt").asString()).isNotBlank();
        assertThat(refunds.at("/status").asString()).isEqualTo("DOWN");
        assertThat(refunds.at("/details/lastFailure").asString()).contains("refunds API answered 503");
        assertThat(refunds.at("/details/lastSuccessAt").isMissingNode()).isTrue();
        assertThat(after.at("/status").asString()).isEqualTo("DOWN");
        assertThat(app.chargeRuns.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void credentialsNeverShowInLogsToStringOrTheActuator(CapturedOutput output) throws Exception {
        String env = get("/actuator/env").body();
        String configprops = get("/actuator/configprops").body();
        String health = get("/actuator/health").body();

        // The keys are there (so the masking was exercised), the values are not.
        assertThat(env).contains("inlet.credentials.stripe").contains("inlet.webhooks.endpoints.orders.secrets.primary");
        assertThat(configprops).contains("\"credentials\"").contains("\"secrets\"");
        for (String shown : new String[] {env, configprops, health, properties.toString(), credentials.toString(),
                pipelines.toString(), webhooks.toString(), scheduler.toString(), output.getAll()}) {
            assertThat(shown).doesNotContain(API_KEY).doesNotContain(WEBHOOK_SECRET_BODY);
        }
        assertThat(output.getAll()).contains("Inlet scheduler started");   // the capture did see the startup logs
    }

    private WebhookRequest sign(String id, byte[] body) {
        WebhookSigner signer = WebhookSigner.builder(SignatureScheme.standardWebhooks())
                .keyring(Keyring.of(WEBHOOK_SECRET)).build();
        return signer.sign(WebhookRequest.post("http://127.0.0.1:" + port + "/hooks/orders",
                Headers.of("webhook-id", id, "Content-Type", "application/json"), body));
    }

    private HttpResponse<String> send(WebhookRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(request.url())).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        return client.send(http.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        return json.readTree(get(path).body());
    }

    /** Waits for a condition with a bound (the runs happen on the scheduler's threads). */
    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("condition within 10 s").isNegative();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
