package dev.inlet.examples.presets;

import dev.inlet.core.Secret;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.http.Origin;
import dev.inlet.core.ratelimit.RateLimit;
import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import java.time.Duration;

/**
 * HubSpot's CRM v3 objects API, from its public documentation: {@code GET /crm/v3/objects/contacts}
 * answering {@code {"results":[…],"paging":{"next":{"after":"…"}}}}, the next page asked for with
 * {@code after=<cursor>}, the last page without {@code paging}; a private-app token as bearer.
 * Copy and adapt.
 */
public final class HubSpot {

    /** The public API. */
    public static final String API = "https://api.hubapi.com";

    private HubSpot() {
    }

    /** Every contact, with the listed properties (e.g. {@code email}, {@code createdate}). */
    public static RestConnector.Builder contacts(String baseUrl, Secret token, String... properties) {
        RestConnector.Builder builder = RestConnector.builder("hubspot-contacts")
                .baseUrl(baseUrl)
                .path("/crm/v3/objects/contacts")
                .query("limit", "100")
                .records("/results")
                .paginator(Paginators.bodyCursor("after", "/paging/next/after"))
                // HubSpot leaves "paging" out of the last page; anywhere else a missing cursor is an error.
                .absentMeansEnd()
                .credentials(Credentials.bearer(Origin.of(baseUrl), token))
                // Private apps may send 100 requests per 10 s (more on higher tiers); shared by every
                // HubSpot connector of the process, and paced by HubSpot's own headers too.
                .rateLimiter(RateLimiters.global().shared("hubspot:" + Origin.of(baseUrl).authority(),
                        RateLimit.builder().smooth(10, Duration.ofSeconds(1)).build()));
        if (properties.length > 0) {
            builder.query("properties", String.join(",", properties));
        }
        return builder;
    }
}
