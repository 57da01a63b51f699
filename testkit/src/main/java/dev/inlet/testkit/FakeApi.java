package dev.inlet.testkit;

import dev.inlet.core.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * An in-process HTTP API on an ephemeral loopback port that serves a {@link RecordSet} the way real
 * services do: paged ({@link Paging}), behind credentials ({@link Auth}), rate limited, and failing
 * on the requests a seeded {@link FaultPlan} picks. Every request is recorded (secrets masked) for
 * assertions. Thread-safe; close it when done (the JUnit extension does it for {@link InletFake} fields).
 *
 * <pre>{@code
 * try (FakeApi api = FakeApi.builder().records(RecordSet.generate(250)).start()) {
 *     // point the connector at api.baseUrl() + api.path()
 * }
 * }</pre>
 */
public final class FakeApi implements AutoCloseable {

    private static final List<String> SECRET_HEADERS =
            List.of("authorization", "proxy-authorization", "cookie", "x-api-key", "api-key");
    private static final List<String> SECRET_PARAMS = List.of("api_key", "apikey", "key", "token", "access_token");

    private final String path;
    private final RecordSet records;
    private final PageRenderer renderer;
    private final Auth auth;
    private final FaultPlan faults;
    private final RateLimitWindow rateLimit;
    private final String updatedSinceParam;
    private final AtomicLong counter = new AtomicLong();
    private final List<RecordedRequest> received = new ArrayList<>();
    private final LoopbackSocketServer server;

    private FakeApi(Builder b) {
        this.path = b.path;
        this.records = b.records;
        this.renderer = new PageRenderer(b.paging, b.pageSize, b.maxPageSize);
        this.auth = b.auth;
        this.faults = b.faults;
        this.rateLimit = b.rateLimitCount > 0 ? new RateLimitWindow(b.rateLimitCount, b.rateLimitWindow) : null;
        this.updatedSinceParam = b.updatedSinceParam;
        this.server = new LoopbackSocketServer(this::handle);
    }

    /** A builder; every setting has a default (see each method). */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The records' path, e.g. {@code /records}. */
    public String path() {
        return path;
    }

    /** {@link #baseUrl()} followed by {@link #path()}. */
    public URI url() {
        return URI.create(baseUrl() + path);
    }

    /** The ephemeral port. */
    public int port() {
        return server.port();
    }

    /** The live records: change them between runs. */
    public RecordSet records() {
        return records;
    }

    private RawResponse handle(RawRequest request) {
        long index = counter.getAndIncrement();
        boolean matched = "GET".equals(request.method()) && path.equals(request.path());
        Optional<Fault> fault = matched ? faults.faultFor(index) : Optional.empty();
        RawResponse response = matched ? answer(request, fault) : RawResponse.json(404,
                ("{\"error\":\"no resource at " + request.method() + " " + request.path().replace("\"", "")
                        + "\"}").getBytes(StandardCharsets.UTF_8));
        boolean socketFault = response.fault().isPresent();
        record(new RecordedRequest(index, request.method(), request.path(), maskQuery(request.query()),
                maskHeaders(request.headers()), mask(new String(request.body(), StandardCharsets.UTF_8)),
                socketFault && resetsBeforeStatus(response.fault().get()) ? 0 : response.status(),
                fault.map(Fault::toString).orElse("ok"), matched));
        return response;
    }

    private RawResponse answer(RawRequest request, Optional<Fault> fault) {
        if (!auth.accepts(request.firstHeaders(), request.query())) {
            return RawResponse.json(401, "{\"error\":\"missing or wrong credentials\"}".getBytes(StandardCharsets.UTF_8))
                    .withHeaders(Map.of("WWW-Authenticate", auth.challenge()));
        }
        Map<String, String> limitHeaders = Map.of();
        if (rateLimit != null) {
            boolean[] over = new boolean[1];
            limitHeaders = rateLimit.admit(over);
            if (over[0]) {
                return RawResponse.json(429, "{\"error\":\"rate limit exceeded\"}".getBytes(StandardCharsets.UTF_8))
                        .withHeaders(limitHeaders);
            }
        }
        Fault f = fault.orElse(null);
        if (f != null) {
            switch (f.kind()) {
                case STATUS:
                    return RawResponse.json(f.status(), ("{\"error\":\"injected fault " + f + "\"}")
                            .getBytes(StandardCharsets.UTF_8)).withHeaders(limitHeaders);
                case RATE_LIMITED:
                    long seconds = (f.duration().toMillis() + 999) / 1000;
                    Map<String, String> h = new LinkedHashMap<>();
                    h.put("Retry-After", String.valueOf(seconds));
                    h.put("X-RateLimit-Remaining", "0");
                    h.put("X-RateLimit-Reset", String.valueOf(System.currentTimeMillis() / 1000 + seconds));
                    return RawResponse.json(429, "{\"error\":\"rate limited\"}".getBytes(StandardCharsets.UTF_8))
                            .withHeaders(h);
                case HTML_ERROR_PAGE:
                    return new RawResponse(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                            "<html><body><h1>Service temporarily unavailable</h1></body></html>"
                                    .getBytes(StandardCharsets.UTF_8), Optional.empty());
                default:
                    break;
            }
        }
        List<JsonNode> visible;
        try {
            visible = visible(request.query().get(updatedSinceParam));
        } catch (DateTimeParseException e) {
            return RawResponse.json(400, ("{\"error\":\"" + updatedSinceParam + " is not an ISO instant\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        RawResponse page = renderer.render(request, visible, baseUrl(), fault).withHeaders(limitHeaders);
        boolean atSocket = f != null && f.kind() != Fault.Kind.DUPLICATE_BOUNDARY_RECORD
                && f.kind() != Fault.Kind.MISSING_BOUNDARY_RECORD;
        return atSocket && page.status() == 200 ? page.withFault(fault) : page;
    }

    private List<JsonNode> visible(String since) {
        List<JsonNode> all = records.snapshot();
        if (since == null || since.isEmpty()) {
            return all;
        }
        Instant from = Instant.parse(since);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode r : all) {
            JsonNode at = r.get("updated_at");
            if (at == null || !at.isString() || !Instant.parse(at.asString()).isBefore(from)) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean resetsBeforeStatus(Fault f) {
        return f.kind() == Fault.Kind.RESET_BEFORE_HEADERS;
    }

    private void record(RecordedRequest r) {
        synchronized (received) {
            received.add(r);
            received.notifyAll();
        }
    }

    private String mask(String text) {
        Optional<Secret> secret = auth.secret();
        return secret.isPresent() && !text.isEmpty() ? text.replace(secret.get().reveal(), "***") : text;
    }

    private Map<String, List<String>> maskHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> out.put(name, values.stream()
                .map(v -> SECRET_HEADERS.contains(name) ? "***" : mask(v)).toList()));
        return out;
    }

    private Map<String, String> maskQuery(Map<String, String> query) {
        Map<String, String> out = new LinkedHashMap<>();
        query.forEach((k, v) -> out.put(k, SECRET_PARAMS.contains(k.toLowerCase(java.util.Locale.ROOT)) ? "***" : mask(v)));
        return out;
    }

    /** Every request received so far, in order of arrival. */
    public List<RecordedRequest> requests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Forgets the requests received so far (numbering, and so the fault plan, continues). */
    public void clearRequests() {
        synchronized (received) {
            received.clear();
        }
    }

    /**
     * Waits until at least {@code count} requests have arrived, at most {@code timeout}.
     *
     * @return the requests received
     * @throws FakeApiAssertionError when fewer arrived in time, listing those that did
     */
    public List<RecordedRequest> awaitRequests(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (received.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new FakeApiAssertionError("expected at least " + count + " requests within " + timeout
                            + ", received " + received.size() + describe(received));
                }
                try {
                    received.wait(Math.max(1, left / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new FakeApiAssertionError("interrupted while awaiting " + count + " requests");
                }
            }
            return List.copyOf(received);
        }
    }

    /** @throws FakeApiAssertionError if a request named no resource of this fake (it got 404) */
    public void assertNoUnmatchedRequests() {
        List<RecordedRequest> all = requests();
        List<RecordedRequest> unmatched = all.stream().filter(r -> !r.matched()).toList();
        if (!unmatched.isEmpty()) {
            throw new FakeApiAssertionError("expected only GET " + path + ", but " + unmatched.size()
                    + " request(s) matched nothing" + describe(unmatched) + "\nall requests:" + describe(all));
        }
    }

    private static String describe(List<RecordedRequest> requests) {
        StringBuilder sb = new StringBuilder(":");
        requests.forEach(r -> sb.append("\n  ").append(r));
        return requests.isEmpty() ? ": none" : sb.toString();
    }

    /** Stops the server and cuts open connections (ends any stall in progress). Idempotent. */
    @Override
    public void close() {
        server.close();
    }

    /** Port, path and settings; never a secret. */
    @Override
    public String toString() {
        return "FakeApi{" + baseUrl() + path + ", " + records + ", " + auth + ", " + faults + "}";
    }

    /** Builds and starts a {@link FakeApi}; not thread-safe. */
    public static final class Builder {
        private String path = "/records";
        private RecordSet records;
        private Paging paging = Paging.offset();
        private int pageSize = 10;
        private int maxPageSize = 100;
        private Auth auth = Auth.none();
        private FaultPlan faults = FaultPlan.none();
        private int rateLimitCount;
        private Duration rateLimitWindow;
        private String updatedSinceParam = "updated_since";

        private Builder() {
        }

        /** The records' path; default {@code /records}. */
        public Builder path(String path) {
            if (path == null || !path.startsWith("/") || path.contains("?")) {
                throw new FakeApiConfigException("FakeApi.path(" + path + "): not a path", "pass e.g. \"/v1/items\"");
            }
            this.path = path;
            return this;
        }

        /** The records served; default {@code RecordSet.generate(100)}. The fake serves this live set. */
        public Builder records(RecordSet records) {
            this.records = requireNonNull(records, "records");
            return this;
        }

        /** The paging style; default {@link Paging#offset()}. */
        public Builder paging(Paging paging) {
            this.paging = requireNonNull(paging, "paging");
            return this;
        }

        /** Records per page when the request names no size; default 10. */
        public Builder pageSize(int pageSize) {
            this.pageSize = positive(pageSize, "pageSize");
            return this;
        }

        /** The most records a page holds, whatever the request asks; default 100. */
        public Builder maxPageSize(int maxPageSize) {
            this.maxPageSize = positive(maxPageSize, "maxPageSize");
            return this;
        }

        /** The credentials required; default {@link Auth#none()}. */
        public Builder auth(Auth auth) {
            this.auth = requireNonNull(auth, "auth");
            return this;
        }

        /** The faults; default {@link FaultPlan#none()}. */
        public Builder faults(FaultPlan faults) {
            this.faults = requireNonNull(faults, "faults");
            return this;
        }

        /** At most {@code limit} requests per fixed {@code window}; default no limit. */
        public Builder rateLimit(int limit, Duration window) {
            new RateLimitWindow(limit, window); // validates now, where the mistake is
            this.rateLimitCount = limit;
            this.rateLimitWindow = window;
            return this;
        }

        /** The query parameter that filters by {@code updated_at >= value}; default {@code updated_since}. */
        public Builder updatedSinceParam(String name) {
            this.updatedSinceParam = requireNonNull(name, "updatedSinceParam");
            return this;
        }

        private static <T> T requireNonNull(T value, String what) {
            if (value == null) {
                throw new FakeApiConfigException("FakeApi." + what + ": null", "pass a value or leave the default");
            }
            return value;
        }

        private static int positive(int n, String what) {
            if (n < 1) {
                throw new FakeApiConfigException("FakeApi." + what + "(" + n + "): must be at least 1", "pass 1 or more");
            }
            return n;
        }

        /** Starts the fake on an ephemeral loopback port. */
        public FakeApi start() {
            if (records == null) {
                records = RecordSet.generate(100);
            }
            return new FakeApi(this);
        }
    }
}
