package dev.inlet.spring;

import dev.inlet.core.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code inlet.*}: named credentials, HTTP pipelines, the scheduler, connector
 * schedules and webhook endpoints. Immutable; bound once at startup. Every default is listed in
 * {@code docs/integrations.md}.
 *
 * <p>Credential values are bound straight into {@link Secret}s, which never show themselves: not in
 * {@code toString()}, logs, {@code /actuator/configprops} or {@code /actuator/env} (the starter
 * masks every {@code inlet.credentials.*} and webhook secret there even when values are shown).
 *
 * @param credentials secrets by name, such as {@code inlet.credentials.stripe=${STRIPE_API_KEY}}
 * @param pipelines HTTP pipelines by name
 * @param scheduler the scheduler
 * @param connectors schedules of connector jobs by name
 * @param webhooks the webhook receiver and its endpoints
 */
@ConfigurationProperties(prefix = "inlet")
public record InletProperties(Map<String, Secret> credentials, Map<String, Pipeline> pipelines,
        @DefaultValue Scheduler scheduler, Map<String, ConnectorSchedule> connectors, @DefaultValue Webhooks webhooks) {

    /** Absent maps become empty. */
    public InletProperties {
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
        pipelines = pipelines == null ? Map.of() : Map.copyOf(pipelines);
        connectors = connectors == null ? Map.of() : Map.copyOf(connectors);
    }

    /** Shows which credentials are configured, never their values. */
    @Override
    public String toString() {
        return "InletProperties[credentials=" + credentials.keySet() + ", pipelines=" + pipelines.keySet()
                + ", connectors=" + connectors.keySet() + ", webhooks=" + webhooks.endpoints().keySet() + "]";
    }

    /**
     * One {@code HttpPipeline}.
     *
     * @param requestTimeout how long an attempt waits for the response head; default 30 s
     * @param readTimeout how long a body read may stall; default 30 s, 0 turns it off
     * @param maxRedirects redirects followed per attempt; default 5
     * @param auth how the credential is applied; default {@code none}
     * @param origin the only origin the credential is sent to, such as {@code https://api.stripe.com};
     *     required with a credential
     * @param credential the name of the credential under {@code inlet.credentials}
     * @param name the header, query parameter or user name, as the auth kind needs
     */
    public record Pipeline(@DefaultValue("30s") Duration requestTimeout, @DefaultValue("30s") Duration readTimeout,
            @DefaultValue("5") int maxRedirects, @DefaultValue("none") Auth auth, URI origin, String credential,
            String name) {
    }

    /** How a pipeline applies its credential. */
    public enum Auth {
        /** No credential. */
        NONE,
        /** {@code Authorization: Bearer <credential>}. */
        BEARER,
        /** {@code Authorization: Basic}, user {@code name}, password the credential. */
        BASIC,
        /** The credential in the header {@code name}. */
        API_KEY_HEADER,
        /** The credential in the query parameter {@code name}. */
        API_KEY_QUERY
    }

    /**
     * The scheduler.
     *
     * @param enabled whether the scheduler runs with the application context; default true
     * @param initialBackoff the first delay after a failed run; default 1 min
     * @param maxBackoff the longest delay after failures; default 1 h
     * @param closeTimeout how long stopping waits for running jobs; default 30 s
     */
    public record Scheduler(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration initialBackoff,
            @DefaultValue("1h") Duration maxBackoff, @DefaultValue("30s") Duration closeTimeout) {
    }

    /**
     * When a connector job runs: {@code every} (a fixed rate) or {@code daily-at} (a local time in
     * {@code zone}); one of them unless the job's bean brings its own schedule.
     *
     * @param enabled whether the job is scheduled at all; default true
     * @param every the period of a fixed-rate schedule, such as {@code 15m}
     * @param dailyAt the local time of a daily schedule, such as {@code 02:00}
     * @param zone the zone of {@code daily-at}; default UTC
     * @param jitter a random delay added to each run, up to this; default none
     */
    public record ConnectorSchedule(@DefaultValue("true") boolean enabled, Duration every, LocalTime dailyAt,
            @DefaultValue("UTC") ZoneId zone, Duration jitter) {

        /** The jitter, if set and positive. */
        public Optional<Duration> jitterIfAny() {
            return Optional.ofNullable(jitter).filter(j -> !j.isZero() && !j.isNegative());
        }
    }

    /**
     * The webhook receiver.
     *
     * @param enabled whether endpoints are mounted; default true
     * @param workers handler threads; default 4
     * @param queueCapacity accepted events waiting for a worker before 503; default 1000
     * @param retryAfter the {@code Retry-After} sent with 503; default 5 s
     * @param drainTimeout how long stopping waits for queued events; default 30 s
     * @param endpoints endpoints by name
     * @param acknowledgement when a delivery is answered 200: {@code on-receipt} (default: once verified and
     *     queued) or {@code after-handler} (once its handler is done; 503 with {@code Retry-After} when it fails
     *     or passes the handler timeout, so the sender delivers again)
     * @param handlerTimeout with {@code after-handler}, how long a delivery waits for its handler; default 10 s
     */
    public record Webhooks(@DefaultValue("true") boolean enabled, @DefaultValue("4") int workers,
            @DefaultValue("1000") int queueCapacity, @DefaultValue("5s") Duration retryAfter,
            @DefaultValue("30s") Duration drainTimeout, Map<String, Endpoint> endpoints,
            @DefaultValue("on-receipt") Acknowledgement acknowledgement, @DefaultValue("10s") Duration handlerTimeout) {

        /** Absent endpoints become empty. */
        public Webhooks {
            endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
        }

        /** The same settings without endpoints (webhooks disabled). */
        public Webhooks withoutEndpoints() {
            return new Webhooks(false, workers, queueCapacity, retryAfter, drainTimeout, Map.of(), acknowledgement,
                    handlerTimeout);
        }
    }

    /** When a webhook delivery is answered (see {@code dev.inlet.webhooks.receiver.Acknowledgement}). */
    public enum Acknowledgement {
        /** 200 once the delivery is verified and queued; the handler runs after the answer. */
        ON_RECEIPT,
        /** 200 once the handler is done; 503 with {@code Retry-After} when it fails or times out. */
        AFTER_HANDLER
    }

    /**
     * One webhook endpoint.
     *
     * @param path the request path, such as {@code /hooks/stripe}; required
     * @param scheme the signature scheme; required
     * @param secrets the verification secrets by key id (two while a sender rotates); required
     * @param handler the name of the {@code WebhookHandler} bean for its events; default the endpoint's name
     * @param tolerance the allowed clock skew of signed timestamps; default 5 min
     * @param maxBodyBytes the largest body accepted; default 1 MiB
     * @param publicUrl the URL senders call, when a proxy changes it (HubSpot signs the URL)
     */
    public record Endpoint(String path, Scheme scheme, Map<String, Secret> secrets, String handler,
            @DefaultValue("5m") Duration tolerance, @DefaultValue("1048576") int maxBodyBytes, URI publicUrl) {

        /** Absent secrets become empty (and fail validation). */
        public Endpoint {
            secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        }

        /** Shows the key ids, never the secrets. */
        @Override
        public String toString() {
            return "Endpoint[" + path + ", " + scheme + ", keys=" + secrets.keySet() + "]";
        }
    }

    /** The signature schemes a property-defined endpoint can use. */
    public enum Scheme {
        /** Standard Webhooks v1/v1a (Svix). */
        STANDARD_WEBHOOKS,
        /** Stripe. */
        STRIPE,
        /** GitHub. */
        GITHUB,
        /** Shopify. */
        SHOPIFY,
        /** HubSpot v3. */
        HUBSPOT_V3,
        /** Slack. */
        SLACK
    }
}
