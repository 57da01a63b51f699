package dev.inlet.core.http;

import dev.inlet.core.Redaction;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** How to follow one redirect (RFC 9110 §15.4) without carrying credentials to another origin. */
final class Redirects {

    private Redirects() {
    }

    static boolean isRedirect(Response response) {
        int s = response.status();
        return (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) && response.headers().contains("Location");
    }

    /** The request for the redirect's target, or empty if it cannot be followed. */
    static Optional<Request> follow(Request request, Response response) {
        URI target;
        try {
            target = request.uri().resolve(response.headers().first("Location").orElseThrow().trim());
        } catch (IllegalArgumentException badLocation) {
            return Optional.empty();
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
            return Optional.empty();
        }
        Request.Builder next = request.toBuilder().uri(target);
        int status = response.status();
        boolean becomesGet = status == 303 && !request.method().equals("HEAD")
                || (status == 301 || status == 302) && request.method().equals("POST");
        if (becomesGet) {
            next.get().removeHeader("Content-Type");
        }
        if (!Origin.of(target).equals(request.origin())) {
            request.headers().names().stream().filter(Redaction::isSensitiveHeader).forEach(next::removeHeader);
        }
        return Optional.of(next.build());
    }
}
