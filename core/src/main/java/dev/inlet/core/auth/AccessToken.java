package dev.inlet.core.auth;

import dev.inlet.core.Secret;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A token obtained from a token endpoint or a login, with when it stops being valid.
 *
 * @param value the token
 * @param expiresAt when the server says it expires, if it says
 * @param refreshToken a refresh token issued with it, if any
 */
record AccessToken(Secret value, Optional<Instant> expiresAt, Optional<Secret> refreshToken) {

    AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }
}
