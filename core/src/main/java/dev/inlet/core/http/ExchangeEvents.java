package dev.inlet.core.http;

import dev.inlet.core.Headers;
import dev.inlet.core.InletListener;
import dev.inlet.core.internal.Futures;
import dev.inlet.core.internal.Redaction;
import dev.inlet.core.internal.SentSecrets;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits request/response events and DEBUG logs for every hop that reaches the transport. URLs are
 * shown redacted ({@link Request#toString()}) and headers masked ({@code Headers.toString()}).
 */
final class ExchangeEvents implements AsyncInterceptor {

    /** Listener failures are logged as the pipeline's. */
    private static final Logger PIPELINE_LOG = LoggerFactory.getLogger(HttpPipeline.class);
    private static final Pattern URL_IN_VALUE = Pattern.compile("[^\\s<>,;\"]*[?@][^\\s<>,;\"]*");

    private final InletListener listener;
    private final Clock clock;
    private final Logger log;

    ExchangeEvents(InletListener listener, Clock clock, Logger log) {
        this.listener = listener;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Headers for a log line: credential fields masked (as {@link Headers#toString()} does), and
     * the URLs in {@code Location}, {@code Content-Location} and {@code Link} redacted, as a
     * redirect to a pre-signed URL carries its signature in the query.
     */
    static String display(Headers headers) {
        return display(headers, Set.of(), new SentSecrets());
    }

    /**
     * Headers for a log line, masked by the call's rule: the URLs' parameters named in
     * {@code sensitive} masked too, and every form of a secret the call sent scrubbed (a server may
     * echo a key anywhere in a header).
     */
    static String display(Headers headers, Set<String> sensitive, SentSecrets secrets) {
        Headers.Builder shown = Headers.builder();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean url = lower.equals("location") || lower.equals("content-location") || lower.equals("link");
            shown.add(name, secrets.scrub(url ? redactUrls(value, sensitive) : value));
        });
        return secrets.scrub(shown.build().toString());
    }

    /** Every URL in the value (bare, or in {@code <...>} as in Link) with user-info and secret parameters masked. */
    private static String redactUrls(String value, Set<String> sensitive) {
        Matcher m = URL_IN_VALUE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String redacted;
            try {
                redacted = Redaction.uri(URI.create(m.group()), sensitive);
            } catch (IllegalArgumentException notAUri) {
                redacted = Redaction.MASK;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(redacted));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Exchange exchange = start(chain.request(), chain.call());
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException | RuntimeException e) {
            exchange.failed(e);
            throw e;
        }
        exchange.received(response);
        return response;
    }

    @Override
    public CompletableFuture<Response> interceptAsync(AsyncChain chain) {
        Exchange exchange = start(chain.request(), chain.call());
        return chain.proceedAsync(chain.request()).whenComplete((response, failure) -> {
            if (failure != null) {
                exchange.failed(Futures.cause(failure));
            } else {
                exchange.received(response);
            }
        });
    }

    /** Records the credentials that leave, tells the listener the request is sent, and starts its clock. */
    private Exchange start(Request request, CallContext call) {
        int attempt = call.attempt();
        SentSecrets secrets = call.secrets();
        // The last link before the transport sees every credential: record each form that leaves.
        request.headers().forEach(secrets::addHeader);
        secrets.addQuery(request.uri(), request.sensitiveParameters());
        InletListener.RequestSent sent = new InletListener.RequestSent(request.connector(), request.method(),
                request.redactedUri(), attempt, call.exchangeId());
        safely(() -> listener.requestSent(sent));
        if (log.isDebugEnabled()) {
            log.debug("--> {} (attempt {}) headers={}", request, attempt,
                    display(request.headers(), request.sensitiveParameters(), secrets));
        }
        return new Exchange(request, call, clock.instant(), System.nanoTime());
    }

    /** One exchange under way: what its response or failure event needs. */
    private final class Exchange {
        private final Request request;
        private final CallContext call;
        private final Instant start;
        private final long startNanos;

        Exchange(Request request, CallContext call, Instant start, long startNanos) {
            this.request = request;
            this.call = call;
            this.start = start;
            this.startNanos = startNanos;
        }

        void failed(Throwable e) {
            if (log.isDebugEnabled()) {
                log.debug("<-- failed {} after {} ms: {}", request, (System.nanoTime() - startNanos) / 1_000_000,
                        call.secrets().scrub(e.toString()));
            }
        }

        void received(Response response) {
            if (log.isDebugEnabled()) {
                log.debug("<-- {} {} in {} ms headers={}", response.status(), request, response.elapsedMillis(),
                        display(response.headers(), request.sensitiveParameters(), call.secrets()));
            }
            Duration elapsed = Duration.between(start, clock.instant());
            InletListener.ResponseReceived received = new InletListener.ResponseReceived(request.connector(),
                    request.method(), request.redactedUri(), response.status(),
                    elapsed.isNegative() ? Duration.ZERO : elapsed, call.attempt(), call.exchangeId());
            safely(() -> listener.responseReceived(received));
        }
    }

    static void safely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            PIPELINE_LOG.warn("An InletListener failed; the call goes on", e);
        }
    }
}
