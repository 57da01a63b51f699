package dev.inlet.core.auth;

import dev.inlet.core.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * AWS access keys: an access key id, its secret access key and, for temporary credentials from STS,
 * a session token. The {@code toString()} shows the key id only.
 *
 * @param accessKeyId the access key id, e.g. {@code AKIAIOSFODNN7EXAMPLE}
 * @param secretAccessKey the secret access key
 * @param sessionToken the session token of temporary credentials, if any
 */
public record AwsCredentials(String accessKeyId, Secret secretAccessKey, Optional<Secret> sessionToken) {

    /** Checks the parts. */
    public AwsCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        if (accessKeyId.isBlank() || accessKeyId.indexOf('/') >= 0) {
            throw new IllegalArgumentException("an AWS access key id must be non-blank and contain no '/'");
        }
    }

    /** Long-term credentials: a key id and its secret. */
    public static AwsCredentials of(String accessKeyId, Secret secretAccessKey) {
        return new AwsCredentials(accessKeyId, secretAccessKey, Optional.empty());
    }

    /** Temporary credentials: a key id, its secret and the session token. */
    public static AwsCredentials of(String accessKeyId, Secret secretAccessKey, Secret sessionToken) {
        return new AwsCredentials(accessKeyId, secretAccessKey, Optional.of(sessionToken));
    }
}
