package dev.inlet.testkit;

import dev.inlet.core.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a {@link FakeApi} answers, without its server: records, paging, credentials, rate limits,
 * faults and the request log. {@link FakeApi} puts it behind its own socket layer; the WireMock
 * interop ({@code dev.inlet.testkit.wiremock}) puts it behind a WireMock server. Build one with
 * {@link FakeApi.Builder#responder()}. Thread-safe.
 */
public final class FakeResponder {

    private static final List<String> SECRET_HEADERS =
            List.of("authorization", "proxy-authorization", "cookie", "x-api-key", "api-key");
    private static final List<String> SECRET_PARAMS = List.of("api_key", "apikey", "key", "token", "access_token");

    private final String path;
    private final RecordSet records;
    /** Further paths served like {@link #path}, never faulted (see {@link FakeApi.Builder#resource}). */
    private final Map<String, RecordSet> resources;
    private final PageRenderer renderer;
    private final Auth auth;
    /** Replaced live by {@link #replaceFaults}; the numbering of requests goes on. */
    private volatile FaultPlan faults;
    private final RateLimitWindow rateLimit;
    private final String updatedSinceParam;
    private final TokenIssuer issuer;
    private final Clock clock;
    private final Object numbering = new Object();
    private long counter;
    /** Numbers the requests the fault plan sees: all but those to {@link #resources}. */
    private long planCounter;
    private final List<RecordedRequest> received = new ArrayList<>();

    FakeResponder(String path, RecordSet records, Map<String, RecordSet> resources, PageRenderer renderer, Auth auth,
            FaultPlan faults, RateLimitWindow rateLimit, String updatedSinceParam, Clock clock) {
        this.path = path;
        this.records = records;
        this.resources = Map.copyOf(resources);
        this.renderer = renderer;
        this.auth = auth;
        this.faults = faults;
        this.rateLimit = rateLimit;
        this.updatedSinceParam = updatedSinceParam;
        this.issuer = auth.isOAuth2() ? new TokenIssuer(auth, clock) : null;
        this.clock = clock;
    }

    /**
     * One answer.
     *
     * @param status the status (0 when {@code socketFault} resets before one)
     * @param headers the response headers, without {@code Content-Length}
     * @param body the body
     * @param socketFault a fault the server must apply while writing (reset, truncation, stall, delay)
     */
    public record Reply(int status, Map<String, String> headers, byte[] body, Optional<Fault> socketFault) {
        /** Copies the map. */
        public Reply {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * Answers one request and records it.
     *
     * @param method the HTTP method
     * @param target the path and query, as on the request line
     * @param headers the request headers (any case)
     * @param body the request body
     * @param baseUrl {@code scheme://host:port} of the server, for next-page URLs
     */
    public Reply reply(String method, String target, Map<String, List<String>> headers, byte[] body, String baseUrl) {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.computeIfAbsent(k.toLowerCase(java.util.Locale.ROOT), x -> new ArrayList<>())
                .addAll(v));
        RawResponse r = handle(RawRequest.of(method, target, lower, body), baseUrl);
        return new Reply(r.status(), r.headers(), r.body(), r.fault());
    }

    /** The records' path. */
    public String path() {
        return path;
    }

    /** The live records. */
    public RecordSet records() {
        return records;
    }

    RawResponse handle(RawRequest request, String baseUrl) {
        boolean tokenRequest = issuer != null && "POST".equals(request.method())
                && auth.tokenPath().equals(request.path());
        boolean resourceMethod = (renderer.isGraphQl() ? "POST" : "GET").equals(request.method());
        boolean main = !tokenRequest && resourceMethod && path.equals(request.path());
        RecordSet other = tokenRequest || main || !resourceMethod ? null : resources.get(request.path());
        boolean matched = tokenRequest || main || other != null;
        long index;
        long planIndex;
        synchronized (numbering) {
            index = counter++;
            // A resource's requests leave the plan's numbering alone: read concurrently, they would
            // otherwise make which request of the main path is faulted depend on thread timing.
            planIndex = other == null ? planCounter++ : -1;
        }
        Optional<Fault> fault = main ? faults.faultFor(planIndex) : Optional.empty();
        RawResponse response = tokenRequest ? issuer.respond(request)
                : matched ? answer(request, main ? records : other, fault, baseUrl) : RawResponse.json(404,
                ("{\"error\":\"no resource at " + request.method() + " " + request.path().replace("\"", "")
                        + "\"}").getBytes(StandardCharsets.UTF_8));
        boolean socketFault = response.fault().isPresent();
        record(new RecordedRequest(index, request.method(), request.path(), maskQuery(request.query()),
                maskHeaders(request.headers()), mask(new String(request.body(), StandardCharsets.UTF_8)),
                socketFault && resetsBeforeStatus(response.fault().get()) ? 0 : response.status(),
                fault.map(Fault::toString).orElse("ok"), matched));
        return response;
    }

    private RawResponse answer(RawRequest request, RecordSet records, Optional<Fault> fault, String baseUrl) {
        boolean authorised = issuer != null ? issuer.accepts(bearer(request))
                : auth.isAwsSigV4() ? SigV4Check.accepts(request, auth, clock)
                : auth.accepts(request.firstHeaders(), request.query());
        if (!authorised) {
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
        Optional<RawResponse> instead = f == null ? Optional.empty() : FaultResponses.instead(f, limitHeaders, clock);
        if (instead.isPresent()) {
            return instead.get();
        }
        List<JsonNode> visible;
        try {
            visible = visible(records, request.query().get(updatedSinceParam));
        } catch (DateTimeParseException e) {
            return RawResponse.json(400, ("{\"error\":\"" + updatedSinceParam + " is not an ISO instant\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        RawRequest pageRequest = renderer.isGraphQl() ? GraphQlVariables.asQuery(request) : request;
        List<JsonNode> served = visible;
        RawResponse page = renderer.render(pageRequest, served, i -> records.bytesOf(served, i), baseUrl, fault).withHeaders(limitHeaders);
        if (f != null && f.kind() == Fault.Kind.CUT_JSON && page.status() == 200) {
            return FaultResponses.cut(page);
        }
        boolean atSocket = f != null && f.kind() != Fault.Kind.DUPLICATE_BOUNDARY_RECORD
                && f.kind() != Fault.Kind.MISSING_BOUNDARY_RECORD;
        return atSocket && page.status() == 200 ? page.withFault(fault) : page;
    }

    private static List<JsonNode> visible(RecordSet records, String since) {
        List<JsonNode> all = records.view();
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
        return f.kind() == Fault.Kind.RESET_BEFORE_HEADERS || f.kind() == Fault.Kind.CLOSE_BEFORE_HEADERS
                || f.kind() == Fault.Kind.GARBAGE_THEN_CLOSE;
    }

    private void record(RecordedRequest r) {
        synchronized (received) {
            received.add(r);
            received.notifyAll();
        }
    }

    private static String bearer(RawRequest request) {
        String h = request.header("authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
    }

    private String mask(String text) {
        Optional<Secret> secret = auth.secret();
        String masked = secret.isPresent() && !text.isEmpty() ? text.replace(secret.get().reveal(), "***") : text;
        return FORM_SECRETS.matcher(masked).replaceAll("$1=***");
    }

    private static final java.util.regex.Pattern FORM_SECRETS =
            java.util.regex.Pattern.compile("(client_secret|refresh_token|access_token|password)=[^&]*");

    /** From the next request on, faults as {@code plan} says (see {@link FakeApi#replaceFaults}). */
    public void replaceFaults(FaultPlan plan) {
        if (plan == null) {
            throw new FakeApiConfigException("replaceFaults: the plan is null", "pass FaultPlan.none() for no faults");
        }
        this.faults = plan;
    }

    /** OAuth2 ({@link Auth#oauth2}): every access token issued so far stops working now. */
    public void expireTokens() {
        if (issuer != null) {
            issuer.expireAll();
        }
    }

    /** OAuth2 ({@link Auth#oauth2}): how many access tokens the token endpoint issued. */
    public long tokensIssued() {
        return issuer == null ? 0 : issuer.tokensIssued();
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
            // Recorded when answered; sorted so concurrent requests still read in order of arrival.
            return received.stream().sorted(java.util.Comparator.comparingLong(RecordedRequest::index)).toList();
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
            throw new FakeApiAssertionError("expected only " + (renderer.isGraphQl() ? "POST " : "GET ") + path
                    + (resources.isEmpty() ? "" : " and " + new java.util.TreeSet<>(resources.keySet())) + ", but " + unmatched.size()
                    + " request(s) matched nothing" + describe(unmatched) + "\nall requests:" + describe(all));
        }
    }

    private static String describe(List<RecordedRequest> requests) {
        StringBuilder sb = new StringBuilder(":");
        requests.forEach(r -> sb.append("\n  ").append(r));
        return requests.isEmpty() ? ": none" : sb.toString();
    }

    @Override
    public String toString() {
        return "FakeResponder{" + path + ", " + records + (resources.isEmpty() ? "" : ", resources " + resources)
                + ", " + auth + ", " + faults + "}";
    }
}
