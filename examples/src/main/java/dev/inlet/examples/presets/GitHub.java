package dev.inlet.examples.presets;

import dev.inlet.core.Json;
import dev.inlet.core.Secret;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.http.Origin;
import dev.inlet.core.ratelimit.RateLimit;
import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * GitHub's REST API, from its public documentation: JSON arrays paged by the {@code Link} header's
 * {@code rel="next"} (RFC 8288), {@code per_page=100}, a bearer token, the
 * {@code application/vnd.github+json} media type and the {@code X-GitHub-Api-Version} header. The
 * issues endpoint also lists pull requests (they carry a {@code pull_request} field). Copy and adapt.
 */
public final class GitHub {

    /** The public API. */
    public static final String API = "https://api.github.com";

    /** GitHub's field names are snake_case; record components are camelCase. */
    private static final JsonMapper SNAKE_CASE = Json.configure(JsonMapper.builder())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private GitHub() {
    }

    /**
     * An issue or pull request as the presets map it.
     *
     * @param number its number in the repository
     * @param title the title
     * @param state {@code open} or {@code closed}
     * @param createdAt ISO-8601 creation time
     * @param closedAt ISO-8601 closing time, or null
     * @param pullRequest non-null when the item is a pull request
     */
    public record Issue(long number, String title, String state, String createdAt, String closedAt,
            Object pullRequest) {

        /** Whether this item is a pull request rather than an issue. */
        public boolean isPullRequest() {
            return pullRequest != null;
        }
    }

    /** Every issue (and pull request) of a repository, open and closed. */
    public static RestConnector.Builder issues(String baseUrl, Secret token, String owner, String repo) {
        return paged("github-issues", baseUrl, "/repos/" + owner + "/" + repo + "/issues", token)
                .query("state", "all");
    }

    /** Every pull request of a repository, open and closed. */
    public static RestConnector.Builder pullRequests(String baseUrl, Secret token, String owner, String repo) {
        return paged("github-pulls", baseUrl, "/repos/" + owner + "/" + repo + "/pulls", token)
                .query("state", "all");
    }

    private static RestConnector.Builder paged(String name, String baseUrl, String path, Secret token) {
        return RestConnector.builder(name)
                .baseUrl(baseUrl)
                .path(path)
                .query("per_page", "100")
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .paginator(Paginators.linkHeader())
                .mapper(SNAKE_CASE)
                // GitHub reports its budget (5,000 requests an hour for a token) in X-RateLimit-*:
                // the adaptive limiter paces by it, so the connector never meets a 403 or 429.
                .rateLimiter(RateLimiters.global().perHost(RateLimit.defaults()))
                .credentials(Credentials.bearer(Origin.of(baseUrl), token));
    }
}
