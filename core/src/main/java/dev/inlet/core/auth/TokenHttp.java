package dev.inlet.core.auth;

import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.error.InletException;
import dev.inlet.core.InletListener;
import dev.inlet.core.Json;
import dev.inlet.core.ResponseInfo;
import dev.inlet.core.Secret;
import dev.inlet.core.internal.SentSecrets;
import dev.inlet.core.Sleeper;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.http.internal.BodyExcerpt;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Interceptor;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.http.Transport;
import dev.inlet.core.retry.RetryPolicy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP path of token requests and logins, separate from the data pipeline: its own small
 * {@link HttpPipeline} over a plain {@link Transport}, with no rate limiter or concurrency limit, so a
 * token refresh can never wait behind data requests that are themselves waiting for the token (the
 * deadlock of Retrofit #3935). Redirects are not followed (a client secret in a form body must not
 * follow a redirect anywhere). Transport failures, 429 and 5xx are retried up to 3 attempts within
 * 30 s; other statuses fail at once, so a bad secret costs one request.
 */
final class TokenHttp {

    /** The default margin before expiry at which a token is renewed. */
    static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);

    /** The most of an error body read to find the OAuth error fields. */
    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    private static final RetryPolicy RETRIES = RetryPolicy.builder()
            .maxAttempts(3)
            .backoff(Duration.ofSeconds(1), Duration.ofSeconds(5))
            .budget(Duration.ofSeconds(30))
            .maxServerWait(Duration.ofSeconds(10))
            .retryableStatuses(Set.of(429, 500, 502, 503, 504))
            .retryDecodingErrors(false)
            .noIdempotencyKeys()
            .build();

    private final Settings settings;

    TokenHttp(Settings settings) {
        this.settings = settings.copy();
    }

    /** The clock token lifetimes are measured with. */
    Clock clock() {
        return settings.clock;
    }

    /** The margin before expiry at which tokens are renewed. */
    Duration skew() {
        return settings.skew;
    }

    /**
     * Sends a token or login request and returns the JSON body of its 2xx answer.
     *
     * @param what what the request is, for messages ("Token request", "Session login")
     * @param secrets the secrets this request involves, scrubbed from any server text quoted in
     *     messages
     * @throws AuthenticationException for any failure
     */
    JsonNode exchange(Request request, String what, Collection<Secret> secrets) {
        HttpPipeline pipeline = HttpPipeline.builder()
                .transport(settings.transport)
                .retryPolicy(RETRIES)
                .clock(settings.clock)
                .sleeper(settings.sleeper)
                .listener(settings.listener)
                .maxRedirects(0)
                .addInterceptor(new ErrorStatuses(secrets))
                .build();
        String where = what + " " + request;
        try {
            return pipeline.execute(request.toBuilder().idempotent(true).build(), response -> {
                byte[] body = response.body().readAllBytes();
                try {
                    return Json.mapper().readTree(body);
                } catch (JacksonException notJson) {
                    // The parser's message may quote the body, and the body holds the token: not attached.
                    throw new AuthenticationException(where + " answered HTTP " + response.status()
                            + " with a body that is not JSON", null, null, response.status(),
                            "Check that the URL is the token or login endpoint, not a web page", null);
                }
            });
        } catch (TokenEndpointStatus e) {
            throw e.toAuthenticationException(where);
        } catch (TransportException e) {
            throw new AuthenticationException(where + " failed: " + e.getMessage(), null, null, null,
                    "The endpoint could not be reached; check its URL, the network and the server", e);
        } catch (AuthenticationException e) {
            throw e;
        } catch (InletException e) {
            throw new AuthenticationException(where + " failed: " + e.getMessage(), null, null, null, null, e);
        }
    }

    /** The text of a JSON field if it is a non-empty string (or a number, as text), else null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !(value.isString() || value.isNumber())) {
            return null;
        }
        String text = value.asString();
        return text.isEmpty() ? null : text;
    }

    /**
     * Reads a non-2xx answer and throws it as a {@link TokenEndpointStatus}: retried by the token
     * policy for 429 and 5xx, thrown at once otherwise.
     */
    private static final class ErrorStatuses implements Interceptor {
        private final Collection<Secret> secrets;

        ErrorStatuses(Collection<Secret> secrets) {
            this.secrets = secrets;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            // The call records every credential header as it leaves (a Basic client authentication
            // too); the secrets of the form body are added here: one scrubber for all of them.
            SentSecrets sent = chain.call().secrets();
            sent.addSecrets(secrets);
            Response response = chain.proceed(chain.request());
            if (response.isSuccessful()) {
                return response;
            }
            byte[] body;
            try (response) {
                body = response.body().readNBytes(ERROR_BODY_LIMIT);
            } catch (IOException | RuntimeException unreadable) {
                body = new byte[0];
            }
            JsonNode json = null;
            try {
                json = Json.mapper().readTree(body);
            } catch (JacksonException notJson) {
                // Not an OAuth error body; the excerpt below is all there is.
            }
            String error = sent.scrub(text(json, "error"));
            String description = sent.scrub(text(json, "error_description"));
            String excerpt = error != null ? "" : sent.scrub(BodyExcerpt.of(body, BodyExcerpt.DEFAULT_BYTES));
            throw new TokenEndpointStatus(response.info(), error, description, excerpt);
        }
    }

    /** A non-2xx answer of a token endpoint, with its OAuth error fields. */
    static final class TokenEndpointStatus extends HttpStatusException {
        private static final long serialVersionUID = 1L;

        private final String error;
        private final String description;
        private final String excerpt;

        TokenEndpointStatus(ResponseInfo response, String error, String description, String excerpt) {
            super(response, error == null ? excerpt : error + (description == null ? "" : ": " + description), null);
            this.error = error;
            this.description = description;
            this.excerpt = excerpt;
        }

        AuthenticationException toAuthenticationException(String where) {
            int status = status();
            StringBuilder message = new StringBuilder(where).append(" failed: HTTP ").append(status);
            if (error != null) {
                message.append(", OAuth error ").append(error);
                if (description != null) {
                    message.append(": ").append(description);
                }
            } else if (!excerpt.isEmpty()) {
                message.append(": ").append(excerpt);
            }
            String hint = status >= 300 && status < 400
                    ? "The endpoint answered with a redirect, which is not followed for credentials; "
                            + "configure the URL it redirects to"
                    : status >= 500 || status == 429
                            ? "The server failed after retries; try again later"
                            : AuthenticationException.hintFor(error);
            return new AuthenticationException(message.toString(), error, description, status, hint, this);
        }
    }

    /**
     * The settings every token-based credential shares, filled in by its builder. Defaults: the JDK
     * transport, the system UTC clock, the real sleeper, no listener, a 60 s renewal margin.
     */
    static final class Settings {
        Transport transport = Transport.jdk();
        Clock clock = Clock.systemUTC();
        Sleeper sleeper = Sleeper.system();
        InletListener listener = InletListener.none();
        Duration skew = DEFAULT_SKEW;

        void transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
        }

        void clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        void sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        }

        void listener(InletListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
        }

        void skew(Duration skew) {
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative()) {
                throw new IllegalArgumentException("the token renewal margin must not be negative, was " + skew);
            }
            this.skew = skew;
        }

        Settings copy() {
            Settings copy = new Settings();
            copy.transport = transport;
            copy.clock = clock;
            copy.sleeper = sleeper;
            copy.listener = listener;
            copy.skew = skew;
            return copy;
        }
    }
}
