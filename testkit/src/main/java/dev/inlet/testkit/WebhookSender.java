package dev.inlet.testkit;

import dev.inlet.core.Headers;
import dev.inlet.core.Sleeper;
import dev.inlet.webhooks.verify.Keyring;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signs and posts webhook deliveries the way a vendor does, to test a receiver: signatures come
 * from the webhooks module's {@link WebhookSigner} (every {@link SignatureScheme}: Standard Webhooks
 * v1 and v1a, Stripe, GitHub, Shopify, HubSpot v3, Slack, custom HMAC), ids and types go in the
 * vendor's headers, and a non-2xx answer is retried on a schedule, as vendors do, so at-least-once
 * handling can be tested. Forgeries ({@link #sendTampered}), replays ({@link #replay}), stale
 * signatures ({@link #sendStale}) and duplicates ({@link #sendDuplicate}) are one call each.
 * Immutable and thread-safe.
 */
public final class WebhookSender {

    /** The default retry schedule: three retries after 0, 50 and 200 ms (vendors use minutes to days). */
    public static final List<Duration> DEFAULT_RETRIES =
            List.of(Duration.ZERO, Duration.ofMillis(50), Duration.ofMillis(200));

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final SignatureScheme scheme;
    private final Keyring keyring;
    private final URI target;
    private final Clock clock;
    private final List<Duration> retries;
    private final Sleeper sleeper;
    private final Duration timeout;
    private final AtomicLong ids = new AtomicLong();

    private WebhookSender(Builder b) {
        this.scheme = b.scheme;
        this.keyring = b.keyring;
        this.target = b.target;
        this.clock = b.clock;
        this.retries = List.copyOf(b.retries);
        this.sleeper = b.sleeper;
        this.timeout = b.timeout;
        signer(clock); // fails now on a secret the scheme cannot use
    }

    /** A builder for deliveries signed with {@code scheme} to {@code target} (the receiver's full URL). */
    public static Builder builder(SignatureScheme scheme, URI target) {
        return new Builder(scheme, target);
    }

    /** Signs and posts {@code delivery}, retrying non-2xx answers and connection failures on the schedule. */
    public SendResult send(Delivery delivery) {
        return post(sign(delivery, clock.instant(), false), retries);
    }

    /** Signs, then changes one byte of the body: a receiver must refuse it (no retries). */
    public SendResult sendTampered(Delivery delivery) {
        return post(sign(delivery, clock.instant(), true), List.of());
    }

    /** Signs as of {@code age} ago: outside the receiver's tolerance it must be refused (no retries). */
    public SendResult sendStale(Delivery delivery, Duration age) {
        return post(sign(delivery, clock.instant().minus(age), false), List.of());
    }

    /** Posts the exact request of an earlier send again, signature and all (no retries). */
    public SendResult replay(SendResult earlier) {
        return post(earlier.request(), List.of());
    }

    /** Sends the same delivery (same id) twice, each freshly signed, as a vendor's retry does. */
    public List<SendResult> sendDuplicate(Delivery delivery) {
        Delivery withId = delivery.id().isPresent() ? delivery : delivery.withId(nextId());
        return List.of(send(withId), send(withId));
    }

    private String nextId() {
        return String.format("msg_%06d", ids.incrementAndGet());
    }

    private WebhookSigner signer(Clock at) {
        return WebhookSigner.builder(scheme).keyring(keyring).clock(at).build();
    }

    private WebhookRequest sign(Delivery delivery, Instant at, boolean tamper) {
        String id = delivery.id().orElseGet(this::nextId);
        Headers.Builder headers = delivery.headers().toBuilder();
        switch (scheme.name()) {
            case "standard-webhooks" -> headers.set("webhook-id", id);
            case "github" -> {
                headers.set("X-GitHub-Delivery", id);
                delivery.type().ifPresent(t -> headers.set("X-GitHub-Event", t));
            }
            case "shopify" -> {
                headers.set("X-Shopify-Webhook-Id", id);
                delivery.type().ifPresent(t -> headers.set("X-Shopify-Topic", t));
            }
            default -> {
                // Stripe, Slack, HubSpot: the id (if any) is in the body.
            }
        }
        WebhookRequest unsigned = WebhookRequest.post(target.toString(), headers.build(), delivery.body());
        WebhookRequest signed = signer(Clock.fixed(at, ZoneOffset.UTC)).sign(unsigned);
        if (!tamper) {
            return signed;
        }
        byte[] body = signed.body();
        if (body.length == 0) {
            body = new byte[] {' '};
        } else {
            body[body.length / 2] ^= 0x01;
        }
        return WebhookRequest.post(signed.url(), signed.headers(), body);
    }

    private SendResult post(WebhookRequest request, List<Duration> schedule) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        HttpRequest built = http.build();
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; ; attempt++) {
            int status;
            try {
                status = HTTP.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebhookSendException("interrupted while sending to " + target, e);
            }
            statuses.add(status);
            if ((status >= 200 && status < 300) || attempt >= schedule.size()) {
                return new SendResult(request, statuses);
            }
            try {
                sleeper.sleep(schedule.get(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebhookSendException("interrupted between retries to " + target, e);
            }
        }
    }

    /** Scheme, target and key ids; never a secret. */
    @Override
    public String toString() {
        return "WebhookSender{" + scheme.name() + " -> " + target + ", " + keyring + "}";
    }

    /** Builds a {@link WebhookSender}; not thread-safe. */
    public static final class Builder {
        private final SignatureScheme scheme;
        private final URI target;
        private Keyring keyring;
        private Clock clock = Clock.systemUTC();
        private List<Duration> retries = DEFAULT_RETRIES;
        private Sleeper sleeper = Sleeper.system();
        private Duration timeout = Duration.ofSeconds(10);

        private Builder(SignatureScheme scheme, URI target) {
            if (scheme == null || target == null || !target.isAbsolute()) {
                throw new FakeApiConfigException("WebhookSender.builder(" + scheme + ", " + target + "): "
                        + "needs a scheme and an absolute target URL", "e.g. builder(SignatureScheme.stripe(), "
                        + "URI.create(\"http://127.0.0.1:\" + port + \"/hooks/stripe\"))");
            }
            this.scheme = scheme;
            this.target = target;
        }

        /** The signing secret (the receiver's verifier holds the same); required unless {@link #keyring} is set. */
        public Builder secret(String secret) {
            this.keyring = Keyring.of(secret);
            return this;
        }

        /** Several signing keys (Standard Webhooks and Stripe sign with each). */
        public Builder keyring(Keyring keyring) {
            this.keyring = keyring;
            return this;
        }

        /** The clock of signed timestamps; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Waits before each retry of a non-2xx answer; default {@link #DEFAULT_RETRIES}. */
        public Builder retrySchedule(List<Duration> waits) {
            this.retries = List.copyOf(waits);
            return this;
        }

        /** No retries: each send is one attempt. */
        public Builder noRetries() {
            this.retries = List.of();
            return this;
        }

        /** How waits between retries are made; default {@link Sleeper#system()}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** Per-attempt timeout; default 10 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * The sender.
         *
         * @throws FakeApiConfigException if no secret was given
         */
        public WebhookSender build() {
            if (keyring == null || clock == null || sleeper == null || timeout == null) {
                throw new FakeApiConfigException("WebhookSender: no secret (or a null clock, sleeper or timeout)",
                        "call secret(...) with the secret the receiver verifies with");
            }
            return new WebhookSender(this);
        }
    }
}
