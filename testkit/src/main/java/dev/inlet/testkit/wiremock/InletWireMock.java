package dev.inlet.testkit.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.FakeResponder;
import dev.inlet.testkit.Fault;
import dev.inlet.testkit.RecordSet;
import dev.inlet.testkit.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inlet's fake API (paging, credentials, rate limits, seeded faults, recording) as a WireMock 3.13
 * extension, for a test that already runs a WireMock server: no second server. Register it when the
 * server is built (WireMock takes extensions only then) and add its stub:
 *
 * <pre>{@code
 * InletWireMock items = InletWireMock.of(FakeApi.builder().path("/v1/items").faults(plan));
 * WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort().extensions(items));
 * wm.start();
 * wm.stubFor(items.stub());
 * }</pre>
 *
 * Faults map to WireMock's: a reset before headers is {@code CONNECTION_RESET_BY_PEER}; a reset
 * after headers and a truncated body are {@code MALFORMED_RESPONSE_CHUNK} (headers, then a broken
 * body and a closed connection); a stall mid-body is a chunked dribble of two chunks over the stall;
 * a slow first byte is a fixed delay. Thread-safe.
 */
public final class InletWireMock implements ResponseDefinitionTransformerV2 {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final FakeResponder responder;
    private final String name;

    private InletWireMock(FakeResponder responder) {
        this.responder = responder;
        this.name = "inlet-fake-" + NAMES.incrementAndGet();
    }

    /** The extension for the fake {@code fake} describes (its builder's defaults apply). */
    public static InletWireMock of(FakeApi.Builder fake) {
        return new InletWireMock(fake.responder());
    }

    /** The stub that routes every method on the fake's path to this extension; add it with {@code stubFor}. */
    public MappingBuilder stub() {
        return any(urlPathEqualTo(responder.path())).willReturn(aResponse().withTransformers(name));
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest request = serveEvent.getRequest();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader h : request.getHeaders().all()) {
            headers.put(h.key(), h.values());
        }
        URI absolute = URI.create(request.getAbsoluteUrl());
        String base = absolute.getScheme() + "://" + absolute.getHost() + ":" + absolute.getPort();
        FakeResponder.Reply reply = responder.reply(request.getMethod().getName(), request.getUrl(), headers,
                request.getBody(), base);
        ResponseDefinitionBuilder response = aResponse().withStatus(reply.status()).withBody(reply.body());
        reply.headers().forEach(response::withHeader);
        reply.socketFault().ifPresent(fault -> apply(fault, response));
        return response.build();
    }

    private static void apply(Fault fault, ResponseDefinitionBuilder response) {
        Duration d = fault.duration();
        switch (fault.kind()) {
            case RESET_BEFORE_HEADERS -> response.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
            case CLOSE_BEFORE_HEADERS -> response.withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE);
            case GARBAGE_THEN_CLOSE -> response.withFault(com.github.tomakehurst.wiremock.http.Fault.RANDOM_DATA_THEN_CLOSE);
            case RESET_AFTER_HEADERS, TRUNCATED_BODY, MALFORMED_CHUNK ->
                    response.withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK);
            case STALL_MID_BODY -> response.withChunkedDribbleDelay(2, (int) Math.min(Integer.MAX_VALUE, d.toMillis()));
            case SLOW_FIRST_BYTE -> response.withFixedDelay((int) Math.min(Integer.MAX_VALUE, d.toMillis()));
            default -> {
                // The others are already in the reply (status, headers, body).
            }
        }
    }

    /** A unique name per extension, so several fakes can share one server. */
    @Override
    public String getName() {
        return name;
    }

    /** Only the stubs that name this extension ({@link #stub()}). */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** The live records. */
    public RecordSet records() {
        return responder.records();
    }

    /** Every request that reached this extension, in order (secrets masked). */
    public List<RecordedRequest> requests() {
        return responder.requests();
    }

    /** Waits (bounded) for {@code count} requests; see {@link FakeApi#awaitRequests(int, Duration)}. */
    public List<RecordedRequest> awaitRequests(int count, Duration timeout) {
        return responder.awaitRequests(count, timeout);
    }

    @Override
    public String toString() {
        return "InletWireMock{" + name + ", " + responder + "}";
    }
}
