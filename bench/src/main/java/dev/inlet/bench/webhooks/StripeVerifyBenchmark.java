package dev.inlet.bench.webhooks;

import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.inlet.core.Headers;
import dev.inlet.core.Json;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.VerificationResult;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookSigner;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark 5b, Stripe-scheme verification on the same signed payload: Inlet's
 * {@link WebhookVerifier} (the per-delivery {@link WebhookRequest} and {@link Headers} built inside
 * the measured call, as a receiver does) versus stripe-java's {@code Webhook.constructEvent} (verify
 * and parse into an {@code Event}) and its verification alone ({@code Webhook.Signature.verifyHeader}).
 * The payload is signed with a current timestamp at setup; stripe-java gets the body as the
 * {@code String} its API takes, Inlet the raw bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StripeVerifyBenchmark {

    private static final String URL = "https://hooks.example.com/hooks/stripe";

    String payload;
    byte[] body;
    String signature;
    WebhookVerifier verifier;

    /** Signs one event with the current time (within every tolerance for the benchmark's length). */
    @Setup
    public void setUp() throws Exception {
        payload = StripeEvents.json(42);
        body = payload.getBytes(StandardCharsets.UTF_8);
        WebhookSigner signer = WebhookSigner.builder(SignatureScheme.stripe()).secret(StripeEvents.SECRET).build();
        signature = signer.signatureHeaders(WebhookRequest.post(URL, Headers.empty(), body)).first("Stripe-Signature")
                .orElseThrow();
        verifier = WebhookVerifier.builder(SignatureScheme.stripe()).secret(StripeEvents.SECRET).build();
        if (!inletVerify().isValid() || !Webhook.Signature.verifyHeader(payload, signature, StripeEvents.SECRET, 300)
                || inletVerifyAndParse() == null || stripeConstructEvent() == null) {
            throw new IllegalStateException("the benchmark payload does not verify");
        }
    }

    /** Inlet: a delivery's request and headers, then verification. */
    @Benchmark
    public VerificationResult inletVerify() {
        WebhookRequest request = WebhookRequest.of("POST", URL,
                Headers.of("Content-Type", "application/json", "Stripe-Signature", signature), body);
        return verifier.verify(request);
    }

    /** Inlet: verification, then the event parsed as a tree (what {@code WebhookEvent.json()} does). */
    @Benchmark
    public JsonNode inletVerifyAndParse() {
        WebhookRequest request = WebhookRequest.of("POST", URL,
                Headers.of("Content-Type", "application/json", "Stripe-Signature", signature), body);
        if (!verifier.verify(request).isValid()) {
            throw new IllegalStateException("invalid");
        }
        return Json.mapper().readTree(body);
    }

    /** stripe-java: verification and parsing into an {@code Event}, the call its docs show. */
    @Benchmark
    public Event stripeConstructEvent() throws Exception {
        return Webhook.constructEvent(payload, signature, StripeEvents.SECRET);
    }

    /** stripe-java: verification alone. */
    @Benchmark
    public boolean stripeVerifyHeader() throws Exception {
        return Webhook.Signature.verifyHeader(payload, signature, StripeEvents.SECRET, 300);
    }
}
