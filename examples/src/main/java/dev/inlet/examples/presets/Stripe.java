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
 * Stripe's list endpoints, from the public API reference: {@code GET /v1/<objects>?limit=100}
 * answering {@code {"object":"list","data":[…],"has_more":true}}, the next page asked for with
 * {@code starting_after=<last id>}; authentication with the secret key as a bearer token. Amounts
 * are integers in the currency's smallest unit (cents). Requests are paced to Stripe's test-mode
 * rate (25 per second, shared by every Stripe connector of the process). Copy and adapt.
 */
public final class Stripe {

    /** The live API. */
    public static final String API = "https://api.stripe.com";

    private Stripe() {
    }

    /**
     * A charge as the presets map it (unknown fields ignored).
     *
     * @param id the charge id ({@code ch_…})
     * @param amount the amount in the smallest currency unit
     * @param currency the ISO currency code, lower case
     * @param created epoch seconds
     * @param customer the customer id, or null
     * @param paid whether it succeeded
     */
    public record Charge(String id, long amount, String currency, long created, String customer, boolean paid) {
    }

    /**
     * A customer as the presets map it.
     *
     * @param id the customer id ({@code cus_…})
     * @param email the email, or null
     * @param created epoch seconds
     */
    public record Customer(String id, String email, long created) {
    }

    /** Every charge, newest first (Stripe's order). */
    public static RestConnector.Builder charges(String baseUrl, Secret secretKey) {
        return list("stripe-charges", baseUrl, "/v1/charges", secretKey);
    }

    /** Every customer, newest first. */
    public static RestConnector.Builder customers(String baseUrl, Secret secretKey) {
        return list("stripe-customers", baseUrl, "/v1/customers", secretKey);
    }

    private static RestConnector.Builder list(String name, String baseUrl, String path, Secret secretKey) {
        return RestConnector.builder(name)
                .baseUrl(baseUrl)
                .path(path)
                .query("limit", "100")
                .records("/data")
                .paginator(Paginators.stripe())
                .credentials(Credentials.bearer(Origin.of(baseUrl), secretKey))
                // Stripe allows 100 read requests/s in live mode and 25 in test mode; every Stripe
                // connector of the process shares this one limit.
                .rateLimiter(RateLimiters.global().shared("stripe:" + Origin.of(baseUrl).authority(),
                        RateLimit.builder().smooth(25, Duration.ofSeconds(1)).build()));
    }
}
