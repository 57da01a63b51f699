package dev.inlet.testkit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private final FakeResponder responder;
    private final LoopbackSocketServer server;

    private FakeApi(FakeResponder responder) {
        this.responder = responder;
        this.server = new LoopbackSocketServer(r -> responder.handle(r, baseUrl()));
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
        return responder.path();
    }

    /** {@link #baseUrl()} followed by {@link #path()}. */
    public URI url() {
        return URI.create(baseUrl() + path());
    }

    /** The ephemeral port. */
    public int port() {
        return server.port();
    }

    /** The live records: change them between runs. */
    public RecordSet records() {
        return responder.records();
    }

    /** Every request received so far, in order of arrival. */
    public List<RecordedRequest> requests() {
        return responder.requests();
    }

    /**
     * From the next request on, faults as {@code faults} says: a service that recovers
     * ({@link FaultPlan#none()}) or starts failing mid-test. The numbering of requests goes on, so
     * the new plan's rules see the same request numbers as {@link RecordedRequest#index()}.
     */
    public void replaceFaults(FaultPlan faults) {
        responder.replaceFaults(faults);
    }

    /** Forgets the requests received so far (numbering, and so the fault plan, continues). */
    public void clearRequests() {
        responder.clearRequests();
    }

    /**
     * Waits until at least {@code count} requests have arrived, at most {@code timeout}.
     *
     * @return the requests received
     * @throws FakeApiAssertionError when fewer arrived in time, listing those that did
     */
    public List<RecordedRequest> awaitRequests(int count, Duration timeout) {
        return responder.awaitRequests(count, timeout);
    }

    /** @throws FakeApiAssertionError if a request named no resource of this fake (it got 404) */
    public void assertNoUnmatchedRequests() {
        responder.assertNoUnmatchedRequests();
    }

    /** OAuth2 ({@link Auth#oauth2}): every access token issued so far stops working now (next use: 401). */
    public void expireTokens() {
        responder.expireTokens();
    }

    /** OAuth2 ({@link Auth#oauth2}): how many access tokens the token endpoint issued. */
    public long tokensIssued() {
        return responder.tokensIssued();
    }

    /** Stops the server and cuts open connections (ends any stall in progress). Idempotent. */
    @Override
    public void close() {
        server.close();
    }

    /** Port, path and settings; never a secret. */
    @Override
    public String toString() {
        return "FakeApi{" + baseUrl() + ", " + responder + "}";
    }

    /** Builds and starts a {@link FakeApi}; not thread-safe. */
    public static final class Builder {
        private String path = "/records";
        private RecordSet records;
        private final Map<String, RecordSet> resources = new LinkedHashMap<>();
        private Paging paging = Paging.offset();
        private int pageSize = 10;
        private int maxPageSize = 100;
        private Auth auth = Auth.none();
        private FaultPlan faults = FaultPlan.none();
        private int rateLimitCount;
        private Duration rateLimitWindow;
        private String updatedSinceParam = "updated_since";
        private Clock clock = Clock.systemUTC();
        private double costMaximum;
        private double costRestoreRate;
        private boolean arrayBody;

        private Builder() {
        }

        /** The records' path; default {@code /records}. */
        public Builder path(String path) {
            this.path = validatePath(path, "path");
            return this;
        }

        private static String validatePath(String path, String method) {
            if (path == null || !path.startsWith("/") || path.contains("?")) {
                throw new FakeApiConfigException("FakeApi." + method + "(" + path + "): not a path",
                        "pass e.g. \"/v1/items\"");
            }
            return path;
        }

        /** The records served; default {@code RecordSet.generate(100)}. The fake serves this live set. */
        public Builder records(RecordSet records) {
            this.records = requireNonNull(records, "records");
            return this;
        }

        /**
         * Serves {@code records} at a further {@code path} of the same API (Stripe's
         * {@code /v1/customers} next to its {@code /v1/charges}): the same paging, page sizes,
         * credentials and rate limit, never a fault. Its requests are recorded but not numbered for
         * the {@link FaultPlan}, so the plan picks the same requests of the main path however the two
         * are interleaved. The set is live, as {@link #records(RecordSet)}'s. Default: none. The
         * WireMock interop serves the main path only.
         */
        public Builder resource(String path, RecordSet records) {
            validatePath(path, "resource");
            if (resources.containsKey(path)) {
                throw new FakeApiConfigException("FakeApi.resource(" + path + ", …): the path is already served",
                        "give each resource its own path");
            }
            resources.put(path, requireNonNull(records, "resource records"));
            return this;
        }

        /**
         * Pages as a bare JSON array of the records, as GitHub sends them, instead of
         * {@code {"data": […], "total": n, …}}; default false. Only for the styles that page outside
         * the body: {@link Paging#offset()}, {@link Paging#pageNumber()}, {@link Paging#headerCursor()}
         * and {@link Paging#linkHeader()} (read the records at the root: no {@code .records("/data")}).
         */
        public Builder arrayBody() {
            this.arrayBody = true;
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

        /**
         * For {@link Paging#relay}: Shopify's leaky bucket of query cost, {@code maximumAvailable}
         * points refilled at {@code restoreRate} per second; a query requesting more than is left
         * (cost: {@code first + 2}) gets a {@code THROTTLED} error. Default: no limit (the cost
         * extension still reports a bucket of 1000 restoring 50 per second).
         */
        public Builder graphQlCostLimit(double maximumAvailable, double restoreRate) {
            new CostBucket(maximumAvailable, restoreRate); // validates now, where the mistake is
            this.costMaximum = maximumAvailable;
            this.costRestoreRate = restoreRate;
            return this;
        }

        /** The clock OAuth2 access tokens expire by; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /** The fake's answers without a server, to put behind another one (WireMock). */
        public FakeResponder responder() {
            if (resources.containsKey(path)) {
                throw new FakeApiConfigException("FakeApi: " + path + " is both the path and a resource",
                        "give the resource another path, or serve its records as records(...)");
            }
            if (arrayBody && !EnumSet.of(Paging.Style.OFFSET, Paging.Style.PAGE_NUMBER, Paging.Style.HEADER_CURSOR,
                    Paging.Style.LINK_HEADER).contains(paging.style())) {
                throw new FakeApiConfigException("FakeApi.arrayBody() with " + paging
                        + ": that style pages in the body, which a bare array has no room for",
                        "use offset, pageNumber, headerCursor or linkHeader paging, or leave arrayBody out");
            }
            return new FakeResponder(path, records == null ? RecordSet.generate(100) : records, resources,
                    new PageRenderer(paging, pageSize, maxPageSize,
                            costMaximum > 0 ? new CostBucket(costMaximum, costRestoreRate) : null, arrayBody), auth, faults,
                    rateLimitCount > 0 ? new RateLimitWindow(rateLimitCount, rateLimitWindow) : null,
                    updatedSinceParam, clock);
        }

        /** Starts the fake on an ephemeral loopback port. */
        public FakeApi start() {
            return new FakeApi(responder());
        }
    }
}
