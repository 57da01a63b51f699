package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.core.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import dev.inlet.webhooks.receiver.HandlerAcknowledgements.Answer;

/**
 * Receives webhooks for one or more {@link WebhookEndpoint}s, independent of any HTTP server:
 * {@link #handle(WebhookRequest)} turns a request into a {@link WebhookResponse}. Use it from
 * {@link WebhookServer}, a Servlet filter or a Spring controller.
 *
 * <p>Per delivery: size check, verification, deduplication by event id, a reserved queue slot,
 * the durable inbox (if any) forced to disk, then 2xx; the handler runs afterwards on a bounded
 * pool of workers, with retries and a dead-letter sink. When the queue is full (or the receiver is
 * stopping) the answer is 503 with {@code Retry-After}, so the sender retries and nothing is lost.
 * With {@link Acknowledgement#AFTER_HANDLER} the answer waits for the handler instead (see there);
 * {@link #handleAsync(String, WebhookRequest)} then gives it without holding the caller's thread.
 *
 * <p>Thread-safe. Lifecycle: {@link #start()} once (recovers the inbox), {@link #close()} once
 * (stops accepting, drains the queue, closes the inbox).
 */
public final class WebhookReceiver implements AutoCloseable {

    private final Map<String, WebhookEndpoint> endpoints;
    private final DeduplicationStore deduplication;
    private final Duration deduplicationTtl;
    private final DurableInbox inbox;
    private final Duration retryAfter;
    private final Duration handlerTimeout;
    private final Duration drainTimeout;
    private final Clock clock;
    private final int capacity;
    private final Dispatcher dispatcher;
    private final DeliveryReports reports;
    /** The answers waiting for handlers, with {@link Acknowledgement#AFTER_HANDLER}; null otherwise. */
    private final HandlerAcknowledgements acknowledgements;
    private final Acceptance acceptance;
    private final ReceiverState state = new ReceiverState();

    private WebhookReceiver(Builder b) {
        this.endpoints = Map.copyOf(b.endpoints);
        this.deduplication = b.deduplication;
        this.deduplicationTtl = b.deduplicationTtl;
        this.inbox = b.inbox;
        this.retryAfter = b.retryAfter;
        this.handlerTimeout = b.handlerTimeout;
        this.drainTimeout = b.drainTimeout;
        this.clock = b.clock;
        this.capacity = b.workers + b.queueCapacity;
        this.reports = new DeliveryReports(b.listener);
        this.dispatcher = new Dispatcher(b.workers, b.queueCapacity, b.retry, b.deadLetters, b.sleeper,
                event -> InboxRecovery.markDone(b.inbox, event),
                reports, b.clock, capacity);
        this.acknowledgements = b.acknowledgement == Acknowledgement.AFTER_HANDLER ? new HandlerAcknowledgements(
                dispatcher, deduplication, reports, b.handlerTimeout, b.retryAfter, b.clock, capacity) : null;
        this.acceptance = new Acceptance(deduplication, deduplicationTtl, inbox, dispatcher, acknowledgements,
                retryAfter, clock, capacity);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts accepting. With a durable inbox, first preloads the deduplication store with the ids it
     * holds and queues every event that was accepted but not processed before the last stop or crash
     * (waiting for queue room if there are many).
     *
     * @throws WebhookConfigException if already started
     */
    public void start() {
        state.start(() -> {
            if (inbox != null) {
                InboxRecovery.requeue(inbox, endpoints, deduplication, dispatcher);
            }
        });
    }

    /**
     * Handles one request addressed by its URL's path.
     *
     * @return 404 for an unknown path, otherwise as {@link #handle(String, WebhookRequest)}
     */
    public WebhookResponse handle(WebhookRequest request) {
        return handleAsync(request).toCompletableFuture().join();
    }

    /**
     * As {@link #handle(WebhookRequest)}, with the answer given when it is decided.
     *
     * @return 404 for an unknown path, otherwise as {@link #handleAsync(String, WebhookRequest)}
     */
    public CompletionStage<WebhookResponse> handleAsync(WebhookRequest request) {
        String path;
        try {
            path = URI.create(request.url()).getRawPath();
        } catch (IllegalArgumentException badUrl) {
            WebhookResponse response = WebhookResponse.of(400, "the request URL cannot be parsed");
            reports.answered("", request, response, null, isRunning(), clock.instant(), System.nanoTime(), queueDepth());
            return CompletableFuture.completedFuture(response);
        }
        return handleAsync(path == null || path.isEmpty() ? "/" : path, request);
    }

    /**
     * Handles one request for the endpoint at {@code path}: 200 when accepted (or a duplicate of an
     * accepted event), 400/401 when verification fails, 404 for an unknown path, 413 for a body over
     * the limit, 503 with {@code Retry-After} when the queue is full or the receiver is not running,
     * 500 if the durable inbox cannot be written. With {@link Acknowledgement#AFTER_HANDLER} this
     * waits for the handler (200 once it succeeded, 503 when it failed, timed out or the receiver
     * stopped): prefer {@link #handleAsync(String, WebhookRequest)} there.
     */
    public WebhookResponse handle(String path, WebhookRequest request) {
        return handleAsync(path, request).toCompletableFuture().join();
    }

    /**
     * As {@link #handle(String, WebhookRequest)}, with the answer given when it is decided: at once
     * with {@link Acknowledgement#ON_RECEIPT} (the stage is already complete), when the handler is
     * done with {@link Acknowledgement#AFTER_HANDLER}. The stage never completes exceptionally.
     */
    public CompletionStage<WebhookResponse> handleAsync(String path, WebhookRequest request) {
        long start = System.nanoTime();
        Instant receivedAt = clock.instant();
        boolean running = isRunning();
        String endpoint = endpoints.containsKey(path) ? path : "";
        return answer(path, request).thenApply(answer -> {
            reports.answered(endpoint, request, answer.response(), answer.reason(), running, receivedAt, start,
                    queueDepth());
            return answer.response();
        });
    }

    /** Accepted events waiting for or running in a handler. */
    private int queueDepth() {
        return dispatcher.inFlight(capacity);
    }

    private CompletableFuture<Answer> answer(String path, WebhookRequest request) {
        WebhookEndpoint endpoint = endpoints.get(path);
        if (endpoint == null) {
            return Answer.now(WebhookResponse.of(404, "no webhook endpoint at " + path));
        }
        return state.accepting(() -> acknowledgements != null && acknowledgements.isStopped(),
                () -> acceptance.accept(path, endpoint, request),
                () -> CompletableFuture.completedFuture(new Answer(WebhookResponse.retryLater(503,
                        retryAfter.toSeconds(), "receiver is stopping"), "not_running")));
    }

    /** The endpoints by path. */
    public Map<String, WebhookEndpoint> endpoints() {
        return endpoints;
    }

    /** Whether {@link #start()} was called and {@link #close()} was not. */
    public boolean isRunning() {
        return state.isRunning();
    }

    /** The acknowledgement mode. */
    public Acknowledgement acknowledgement() {
        return acknowledgements == null ? Acknowledgement.ON_RECEIPT : Acknowledgement.AFTER_HANDLER;
    }

    /**
     * How long a delivery waits for its handler before it is answered 503, with
     * {@link Acknowledgement#AFTER_HANDLER}: an adapter's own deadline (a servlet's async timeout)
     * must exceed it. Set with {@link Builder#handlerTimeout(Duration)}; unused with
     * {@link Acknowledgement#ON_RECEIPT}.
     */
    public Duration handlerTimeout() {
        return handlerTimeout;
    }

    /** The {@code Retry-After} sent with 503; set with {@link Builder#retryAfter(Duration)}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * With {@link Acknowledgement#AFTER_HANDLER}: new deliveries get 503 and those waiting for their
     * handler are answered 503 now (a server stopping calls it before closing its connections).
     */
    void stopAnswering() {
        if (acknowledgements == null) {
            return;
        }
        state.exclusively(acknowledgements::stop);
    }

    /**
     * Graceful shutdown: new deliveries get 503 with {@code Retry-After} (so do deliveries waiting
     * for their handler with {@link Acknowledgement#AFTER_HANDLER}); queued events are handled
     * (waiting up to the drain timeout); then the durable inbox is closed. Events left over after
     * the timeout stay in the inbox and are delivered on the next start (without an inbox they are
     * lost, and logged). Idempotent.
     */
    @Override
    public void close() {
        boolean stopping = state.beginStop(() -> {
            if (acknowledgements != null) {
                acknowledgements.stop();
            }
        });
        if (!stopping) {
            return;
        }
        try {
            dispatcher.drain(drainTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (inbox != null) {
                inbox.close();
            }
            state.stopped();
        }
    }

    @Override
    public String toString() {
        return "WebhookReceiver[" + endpoints.keySet() + ", " + state + "]";
    }

    /** Builds a {@link WebhookReceiver}; not thread-safe. */
    public static final class Builder {
        private final Map<String, WebhookEndpoint> endpoints = new LinkedHashMap<>();
        private int workers = 4;
        private int queueCapacity = 1000;
        private HandlerRetry retry = HandlerRetry.defaults();
        private DeadLetterSink deadLetters = DeadLetterSink.logging();
        private DeduplicationStore deduplication;
        private Duration deduplicationTtl;
        private DurableInbox inbox;
        private Duration retryAfter = Duration.ofSeconds(5);
        private Duration drainTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private WebhookListener listener = WebhookListener.none();
        private Acknowledgement acknowledgement = Acknowledgement.ON_RECEIPT;
        private Duration handlerTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /** Adds an endpoint; at least one is required and paths must be unique. */
        public Builder endpoint(WebhookEndpoint endpoint) {
            if (endpoint == null) {
                throw new WebhookConfigException("WebhookReceiver: endpoint is null", "build one with WebhookEndpoint.builder");
            }
            if (endpoints.putIfAbsent(endpoint.path(), endpoint) != null) {
                throw new WebhookConfigException("WebhookReceiver: two endpoints at " + endpoint.path(),
                        "give each endpoint its own path");
            }
            return this;
        }

        /** Handler threads; default 4. */
        public Builder workers(int workers) {
            this.workers = BuilderChecks.positive(workers, "workers");
            return this;
        }

        /** Accepted events waiting for a worker before deliveries get 503; default 1000. */
        public Builder queueCapacity(int queueCapacity) {
            this.queueCapacity = BuilderChecks.positive(queueCapacity, "queueCapacity");
            return this;
        }

        /** Handler retries; default {@link HandlerRetry#defaults()}. */
        public Builder retry(HandlerRetry retry) {
            this.retry = BuilderChecks.nonNull(retry, "retry");
            return this;
        }

        /** Where events go after the last failed attempt; default {@link DeadLetterSink#logging()}. */
        public Builder deadLetters(DeadLetterSink sink) {
            this.deadLetters = BuilderChecks.nonNull(sink, "deadLetters");
            return this;
        }

        /** The store of accepted event ids; default a new {@link InMemoryDeduplicationStore}. */
        public Builder deduplication(DeduplicationStore store) {
            this.deduplication = BuilderChecks.nonNull(store, "deduplication");
            return this;
        }

        /**
         * How long accepted ids are remembered; must exceed every endpoint's tolerance, or a replay
         * just inside the tolerance would pass; default the largest tolerance plus 5 minutes.
         */
        public Builder deduplicationTtl(Duration ttl) {
            this.deduplicationTtl = BuilderChecks.nonNull(ttl, "deduplicationTtl");
            return this;
        }

        /** A durable inbox; default none (accepted events live in memory until handled). */
        public Builder inbox(DurableInbox inbox) {
            this.inbox = BuilderChecks.nonNull(inbox, "inbox");
            return this;
        }

        /** The {@code Retry-After} sent with 503; default 5 s. */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = BuilderChecks.nonNull(retryAfter, "retryAfter");
            return this;
        }

        /** How long {@link WebhookReceiver#close()} waits for queued events; default 30 s. */
        public Builder drainTimeout(Duration drainTimeout) {
            this.drainTimeout = BuilderChecks.nonNull(drainTimeout, "drainTimeout");
            return this;
        }

        /** The clock for receive times and id expiry; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = BuilderChecks.nonNull(clock, "clock");
            return this;
        }

        /** How handler retries wait; default {@link Sleeper#system()}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = BuilderChecks.nonNull(sleeper, "sleeper");
            return this;
        }

        /** Told how each delivery was answered and how each handler ran; default {@link WebhookListener#none()}. */
        public Builder listener(WebhookListener listener) {
            this.listener = BuilderChecks.nonNull(listener, "listener");
            return this;
        }

        /**
         * When deliveries are answered 2xx; default {@link Acknowledgement#ON_RECEIPT} (once accepted,
         * before the handler runs). {@link Acknowledgement#AFTER_HANDLER} cannot be combined with a
         * durable inbox.
         */
        public Builder acknowledge(Acknowledgement acknowledgement) {
            this.acknowledgement = BuilderChecks.nonNull(acknowledgement, "acknowledgement");
            return this;
        }

        /**
         * With {@link Acknowledgement#AFTER_HANDLER}, how long a delivery waits for its handler
         * before it is answered 503; default 10 s. Keep it under the sender's own timeout (often 10
         * to 30 s), or the sender gives up first and delivers again anyway.
         */
        public Builder handlerTimeout(Duration handlerTimeout) {
            if (handlerTimeout == null || handlerTimeout.isZero() || handlerTimeout.isNegative()) {
                throw new WebhookConfigException("WebhookReceiver: handlerTimeout must be positive", "use e.g. 10 s");
            }
            this.handlerTimeout = handlerTimeout;
            return this;
        }

        /**
         * The receiver, not yet started.
         *
         * @throws WebhookConfigException without endpoints, with a deduplication TTL not longer
         *     than an endpoint's tolerance, or with a durable inbox and {@link Acknowledgement#AFTER_HANDLER}
         */
        public WebhookReceiver build() {
            if (endpoints.isEmpty()) {
                throw new WebhookConfigException("WebhookReceiver has no endpoint", "add one with endpoint(...)");
            }
            deduplicationTtl = BuilderChecks.deduplicationTtl(endpoints.values(), deduplicationTtl);
            if (acknowledgement == Acknowledgement.AFTER_HANDLER && inbox != null) {
                throw new WebhookConfigException("WebhookReceiver: a durable inbox with AFTER_HANDLER acknowledgement",
                        "drop the inbox: with AFTER_HANDLER the sender keeps each delivery until its handler is done");
            }
            if (deduplication == null) {
                deduplication = new InMemoryDeduplicationStore();
            }
            return new WebhookReceiver(this);
        }
    }
}
