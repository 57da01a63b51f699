package dev.inlet.spring;

import dev.inlet.core.error.InletException;
import dev.inlet.core.Secret;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Origin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The named {@link HttpPipeline}s from {@code inlet.pipelines.*}: timeouts, redirects and a
 * credential bound to one origin. Hand one to a connector builder's {@code pipeline(...)}.
 * Immutable and thread-safe.
 */
public final class InletPipelines {

    private final Map<String, HttpPipeline> pipelines;

    private InletPipelines(Map<String, HttpPipeline> pipelines) {
        this.pipelines = Map.copyOf(pipelines);
    }

    /**
     * Builds every configured pipeline.
     *
     * @throws InletException naming the property when a pipeline's credential or origin is missing
     */
    static InletPipelines from(Map<String, InletProperties.Pipeline> properties, InletCredentials credentials) {
        Map<String, HttpPipeline> built = new LinkedHashMap<>();
        properties.forEach((name, p) -> built.put(name, build(name, p, credentials)));
        return new InletPipelines(built);
    }

    private static HttpPipeline build(String name, InletProperties.Pipeline p, InletCredentials credentials) {
        HttpPipeline.Builder builder = HttpPipeline.builder()
                .requestTimeout(p.requestTimeout())
                .readTimeout(p.readTimeout())
                .maxRedirects(p.maxRedirects());
        if (p.auth() != InletProperties.Auth.NONE) {
            String where = "inlet.pipelines." + name;
            if (p.credential() == null || p.origin() == null) {
                throw new InletException(where + ".auth is " + p.auth() + " but credential or origin is missing",
                        "set " + where + ".credential (a name under inlet.credentials) and " + where
                                + ".origin (e.g. https://api.stripe.com): credentials go only to that origin", null);
            }
            Origin origin = Origin.of(p.origin());
            Secret secret = credentials.get(p.credential());
            builder.credentials(switch (p.auth()) {
                case BEARER -> Credentials.bearer(origin, secret);
                case BASIC -> Credentials.basic(origin, required(p.name(), where, "the user name"), secret);
                case API_KEY_HEADER -> Credentials.apiKeyHeader(origin, required(p.name(), where, "the header"), secret);
                case API_KEY_QUERY -> Credentials.apiKeyQuery(origin, required(p.name(), where, "the query parameter"), secret);
                case NONE -> throw new IllegalStateException("unreachable");
            });
        }
        return builder.build();
    }

    private static String required(String value, String where, String what) {
        if (value == null || value.isBlank()) {
            throw new InletException(where + ".name is missing", "set " + where + ".name to " + what, null);
        }
        return value;
    }

    /**
     * The pipeline called {@code name}.
     *
     * @throws InletException naming the missing property if there is none
     */
    public HttpPipeline get(String name) {
        HttpPipeline pipeline = pipelines.get(name);
        if (pipeline == null) {
            throw new InletException("No pipeline named '" + name + "'",
                    "configure inlet.pipelines." + name + ".*; configured: " + names(), null);
        }
        return pipeline;
    }

    /** The configured names. */
    public Set<String> names() {
        return new TreeSet<>(pipelines.keySet());
    }

    @Override
    public String toString() {
        return "InletPipelines" + names();
    }
}
