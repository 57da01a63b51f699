package dev.inlet.core.http;

import dev.inlet.core.InletListener;
import dev.inlet.core.error.OriginRefusedException;
import dev.inlet.core.internal.Redaction;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Follows redirects hop by hop, each hop through the links after this one (so credentials are
 * re-decided per hop), dropping credential headers when a hop leaves the origin. A redirect to an
 * origin that is neither the call's nor one the pipeline allows is refused, as a next-page URL
 * there is: another origin's answer would be delivered as the API's.
 */
final class RedirectGuard implements Interceptor {

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
        for (int hop = 0; hop < maxRedirects && Redirects.isRedirect(response); hop++) {
            Optional<URI> target = Redirects.target(request, response);
            if (target.isEmpty()) {
                return response;
            }
            Origin to = Origin.of(target.get());
            if (!to.equals(request.origin()) && !to.equals(first.origin()) && !allowedOrigins.contains(to)) {
                response.close();
                throw refused(chain, request, response.status(), target.get(), to);
            }
            response.close();
            request = Redirects.follow(request, response, target.get());
            response = chain.proceed(request);
        }
        return response;
    }

    private static OriginRefusedException refused(Chain chain, Request request, int status, URI target, Origin to) {
        CallContext call = chain.call();
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
