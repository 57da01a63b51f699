package dev.inlet.core.http;

import dev.inlet.core.InletListener;
import dev.inlet.core.error.OriginRefusedException;
import dev.inlet.core.internal.Redaction;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Follows redirects hop by hop, each hop through the links after this one (so credentials are
 * re-decided per hop), dropping credential headers when a hop leaves the origin. A redirect to an
 * origin that is neither the call's nor one the pipeline allows is refused, as a next-page URL
 * there is: another origin's answer would be delivered as the API's.
 */
final class RedirectGuard implements AsyncInterceptor {

    private final int maxRedirects;
    private final Set<Origin> allowedOrigins;

    RedirectGuard(int maxRedirects, Set<Origin> allowedOrigins) {
        this.maxRedirects = maxRedirects;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request first = chain.request();
        Request request = first;
        Response response = chain.proceed(request);
        for (int hop = 0; ; hop++) {
            Optional<Request> next = nextHop(chain.call(), first, request, response, hop);
            if (next.isEmpty()) {
                return response;
            }
            request = next.get();
            response = chain.proceed(request);
        }
    }

    @Override
    public CompletableFuture<Response> interceptAsync(AsyncChain chain) {
        Request first = chain.request();
        return chain.proceedAsync(first).thenCompose(response -> follow(chain, first, first, response, 0));
    }

    private CompletableFuture<Response> follow(AsyncChain chain, Request first, Request request, Response response,
            int hop) {
        Optional<Request> next;
        try {
            next = nextHop(chain.call(), first, request, response, hop);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (next.isEmpty()) {
            return CompletableFuture.completedFuture(response);
        }
        return chain.proceedAsync(next.get()).thenCompose(r -> follow(chain, first, next.get(), r, hop + 1));
    }

    /**
     * The request of the next hop, having closed the redirect's response; empty when the response is the
     * answer (not a redirect, no usable target, or the hop limit reached).
     *
     * @throws OriginRefusedException for a redirect to an origin not allowed (the response closed)
     */
    private Optional<Request> nextHop(CallContext call, Request first, Request request, Response response, int hop) {
        if (hop >= maxRedirects || !Redirects.isRedirect(response)) {
            return Optional.empty();
        }
        Optional<URI> target = Redirects.target(request, response);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Origin to = Origin.of(target.get());
        response.close();
        if (!to.equals(request.origin()) && !to.equals(first.origin()) && !allowedOrigins.contains(to)) {
            throw refused(call, request, response.status(), target.get(), to);
        }
        return Optional.of(Redirects.follow(request, response, target.get()));
    }

    private static OriginRefusedException refused(CallContext call, Request request, int status, URI target,
            Origin to) {
        String shownTarget = call.secrets().scrub(Redaction.uri(target, request.sensitiveParameters()));
        String url = call.secrets().scrub(request.redactedUri());
        InletListener.OriginRefused event = new InletListener.OriginRefused(request.connector(), url, shownTarget,
                "redirect (HTTP " + status + ") to an origin not allowed; allow it with allowOrigin(...)");
        ExchangeEvents.safely(() -> call.listener().originRefused(event));
        return new OriginRefusedException(request.method() + " " + url + " was redirected (HTTP " + status + ") to "
                + shownTarget + ", on origin " + to + ", not the request's origin " + request.origin()
                + "; refusing to follow it, as its answer would be taken for the API's",
                "If " + to + " is trusted, allow it with allowOrigin(...) on the connector builder (or "
                        + "HttpPipeline.Builder.allowRedirectsTo(...)); credentials are never sent there");
    }
}
