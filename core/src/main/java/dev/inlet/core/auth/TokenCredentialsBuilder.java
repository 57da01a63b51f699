package dev.inlet.core.auth;

import dev.inlet.core.InletListener;
import dev.inlet.core.Sleeper;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Transport;
import java.time.Clock;
import java.time.Duration;

/**
 * What every credential that fetches its own tokens is configured with: the origin the token may be
 * sent to, and how its token requests are made and timed. The builders of
 * {@link OAuth2ClientCredentials}, {@link OAuth2RefreshToken} and {@link SessionLogin} extend it.
 * Not thread-safe.
 *
 * <p>Defaults: renewal 60 s before expiry (at most half the token's lifetime), the system UTC clock,
 * the real sleeper, {@link Transport#jdk()} for token requests, no listener for them.
 *
 * @param <B> the concrete builder
 */
public abstract class TokenCredentialsBuilder<B extends TokenCredentialsBuilder<B>> {

    Origin origin;
    final TokenHttp.Settings settings = new TokenHttp.Settings();

    TokenCredentialsBuilder() {
    }

    /** The origin of the API the token is sent to (never to any other). Required. */
    public B origin(Origin origin) {
        this.origin = OriginBound.checked(origin);
        return self();
    }

    /** How long before expiry a token is renewed (at most half its lifetime). Default 60 s. */
    public B refreshSkew(Duration skew) {
        settings.skew(skew);
        return self();
    }

    /** The clock token lifetimes are measured with. Default the system UTC clock. */
    public B clock(Clock clock) {
        settings.clock(clock);
        return self();
    }

    /** The sleeper for waits between token request retries. Default the real one. */
    public B sleeper(Sleeper sleeper) {
        settings.sleeper(sleeper);
        return self();
    }

    /** The transport for token requests. Default {@link Transport#jdk()}. */
    public B tokenTransport(Transport transport) {
        settings.transport(transport);
        return self();
    }

    /** A listener for the token requests' events. Default none. */
    public B listener(InletListener listener) {
        settings.listener(listener);
        return self();
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }
}
