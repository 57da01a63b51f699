package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.Fixtures;
import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.internal.JsonFields;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.WebhookSigner;
import dev.inlet.webhooks.verify.WebhookVerifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.inlet.core.error.DecodingException;
import dev.inlet.core.Headers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import dev.inlet.webhooks.routing.EventRouter;

/** Typed routes get the object the event is about, where the provider puts it; the whole event stays available. */
class EventRouterTest {

    record Invoice(String id, @JsonProperty("amount_paid") BigDecimal amountPaid) {
    }

    record User(String id, String email) {
    }

    /** A Stripe event as Stripe sends it: the invoice is under data.object. */
    static final String STRIPE_INVOICE_PAID = """
            {"id":"evt_1Nv","object":"event","api_version":"2024-06-20","created":1740830400,
             "data":{"object":{"id":"in_1Nv","object":"invoice","amount_paid":2000,"currency":"eur"}},
             "livemode":false,"type":"invoice.paid"}""";

    /** An accepted event whose type is read from the body, as the receiver does for body-typed schemes. */
    static WebhookEvent event(String id, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new WebhookEvent("/hooks/test", id, () -> JsonFields.topLevelString(bytes, "type"), "k",
                Headers.empty(), bytes, Fixtures.NOW, 0);
    }

    @Test
    void theReadmesStripeRouteGetsTheInvoiceNotTheEventThroughTheWholeReceiver() throws Exception {
        // The webhooks README's flow: a Stripe endpoint whose router maps invoice.paid to Invoice.
        MutableClock clock = new MutableClock(Fixtures.NOW);
        String secret = "whsec_test_secret";
        WebhookVerifier stripeVerifier = WebhookVerifier.builder(SignatureScheme.stripe()).secret(secret)
                .clock(clock).build();
        List<Object[]> paid = new CopyOnWriteArrayList<>();
        CountDownLatch handled = new CountDownLatch(1);
        WebhookEndpoint stripe = WebhookEndpoint.builder("/hooks/stripe", stripeVerifier)
                .handler(EventRouter.builder(SignatureScheme.stripe())
                        .on("invoice.paid", Invoice.class, (invoice, event) -> {
                            paid.add(new Object[] {invoice, event.json().path("id").asString()});
                            handled.countDown();
                        })
                        .build())
                .build();
        WebhookSigner stripeSigner = WebhookSigner.builder(SignatureScheme.stripe()).secret(secret).clock(clock)
                .build();

        try (WebhookReceiver receiver = WebhookReceiver.builder().endpoint(stripe).clock(clock).build()) {
            receiver.start();
            WebhookResponse response = receiver.handle("/hooks/stripe", stripeSigner.sign(WebhookRequest.post(
                    "https://r.example/hooks/stripe", Headers.empty(),
                    STRIPE_INVOICE_PAID.getBytes(StandardCharsets.UTF_8))));

            assertThat(response.status()).isEqualTo(200);
            assertThat(handled.await(10, TimeUnit.SECONDS)).as("waited for the handler").isTrue();
        }
        assertThat(paid).hasSize(1);
        assertThat(paid.get(0)[0]).isEqualTo(new Invoice("in_1Nv", new BigDecimal("2000")));
        assertThat(paid.get(0)[1]).as("the whole event stays available").isEqualTo("evt_1Nv");
    }

    @Test
    void vendorDefaultsPutTheTypedPayloadWhereEachProviderDocumentsIt() throws Exception {
        List<Object> got = new CopyOnWriteArrayList<>();

        EventRouter.builder(SignatureScheme.standardWebhooks()).on("user.created", User.class, (u, e) -> got.add(u))
                .build().handle(event("msg_1", "{\"type\":\"user.created\",\"timestamp\":\"2025-03-01T12:00:00Z\","
                        + "\"data\":{\"id\":\"u_1\",\"email\":\"a@example.com\"}}"));
        EventRouter.builder(SignatureScheme.slack()).on("event_callback", User.class, (u, e) -> got.add(u))
                .build().handle(event("Ev1", "{\"type\":\"event_callback\",\"event_id\":\"Ev1\","
                        + "\"event\":{\"id\":\"u_2\",\"email\":\"b@example.com\"}}"));
        EventRouter.builder(SignatureScheme.github()).on("push", User.class, (u, e) -> got.add(u))
                .build().handle(new WebhookEvent("/hooks/gh", "d1", "push", "k", Headers.empty(),
                        "{\"id\":\"u_3\",\"email\":\"c@example.com\"}".getBytes(StandardCharsets.UTF_8),
                        Fixtures.NOW, 0));

        assertThat(got).containsExactly(new User("u_1", "a@example.com"), new User("u_2", "b@example.com"),
                new User("u_3", "c@example.com"));
    }

    @Test
    void anExplicitPointerWinsAndAppliesToTheRoutesRegisteredAfterIt() throws Exception {
        List<Object> got = new CopyOnWriteArrayList<>();
        EventRouter router = EventRouter.builder()
                .on("invoice.paid", Invoice.class, (i, e) -> got.add(i))          // whole body
                .payloadAt("/data/object")
                .on("invoice.created", Invoice.class, (i, e) -> got.add(i))
                .build();

        router.handle(event("evt_1", STRIPE_INVOICE_PAID));
        router.handle(event("evt_2", STRIPE_INVOICE_PAID.replace("invoice.paid", "invoice.created")));

        assertThat(got).containsExactly(new Invoice("evt_1Nv", null), new Invoice("in_1Nv", new BigDecimal("2000")));
    }

    @Test
    void anEventWithNothingAtThePointerFailsWithAClearNonRetryableError() {
        EventRouter router = EventRouter.builder(SignatureScheme.stripe())
                .on("invoice.paid", Invoice.class, (i, e) -> { })
                .build();

        assertThatThrownBy(() -> router.handle(event("evt_9", "{\"id\":\"evt_9\",\"type\":\"invoice.paid\"}")))
                .isInstanceOfSatisfying(DecodingException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("'evt_9'").hasMessageContaining("/data/object")
                .hasMessageContaining("invoice.paid");
        assertThatThrownBy(() -> router.handle(event("evt_8",
                "{\"type\":\"invoice.paid\",\"data\":{\"object\":{\"amount_paid\":\"lots\"}}}")))
                .isInstanceOf(DecodingException.class).hasMessageContaining("does not fit Invoice");
    }

    @Test
    void aMalformedPointerIsRefusedWhenTheRouterIsBuilt() {
        assertThatThrownBy(() -> EventRouter.builder().payloadAt("data/object"))
                .isInstanceOf(WebhookConfigException.class).hasMessageContaining("'data/object'");
        assertThatThrownBy(() -> EventRouter.builder(null)).isInstanceOf(WebhookConfigException.class);
    }
}
