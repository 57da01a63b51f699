package dev.inlet.core.http;

import dev.inlet.core.internal.Redaction;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** How to follow one redirect (RFC 9110 §15.4) without carrying credentials to another origin. */
final class Redirects {

    /** The most of an unparsable Location a message shows. */
    private static final int SHOWN_LOCATION = 80;

    private Redirects() {
    }

    static boolean isRedirect(Response response) {
        int s = response.status();
        return (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) && response.headers().contains("Location");
    }

    /** Where the redirect points, or empty if its Location is not an absolute-able http(s) URL. */
    static Optional<URI> target(Request request, Response response) {
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
        return Optional.of(target);
    }

    /**
     * Why a redirect response cannot be followed (its Location, masked, is not a valid http(s) URL),
     * or empty if it can be.
     */
    static Optional<String> unfollowable(Response response) {
        Request request = response.request();
        if (!isRedirect(response) || target(request, response).isPresent()) {
            return Optional.empty();
        }
        String location = response.headers().first("Location").orElse("").trim();
        return Optional.of("The server answered " + response.status() + " with a Location that is not an http(s) "
                + "URL Inlet can follow: " + masked(location, request.sensitiveParameters())
                + "; check the endpoint's URL, or whether it needs a client that follows such redirects");
    }

    /** A Location for a message: parsed and masked, or cut before its query when it does not parse. */
    static String masked(String location, Set<String> sensitive) {
        try {
            return "'" + Redaction.uri(URI.create(location), sensitive) + "'";
        } catch (IllegalArgumentException unparsable) {
            int query = location.indexOf('?');
            String shown = query >= 0 ? location.substring(0, query) + "?" + Redaction.MASK : location;
            if (shown.length() > SHOWN_LOCATION) {
                shown = shown.substring(0, SHOWN_LOCATION) + "...";
            }
            return "'" + shown.replaceAll("\\p{Cntrl}", " ") + "' (not a valid URI)";
        }
    }

    /** The request for the redirect's target. */
    static Request follow(Request request, Response response, URI target) {
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
        return next.build();
    }
}
