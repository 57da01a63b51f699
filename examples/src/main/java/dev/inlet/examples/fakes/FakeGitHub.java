package dev.inlet.examples.fakes;

import dev.inlet.testkit.Auth;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GitHub-like issues API on a loopback port, a {@link FakeApi}: {@code GET
 * /repos/{owner}/{repo}/issues?state=all&per_page=}, a JSON array's worth of issues per page, the next
 * page in the {@code Link} header, GitHub's {@code X-RateLimit-*} budget, a bearer token, pull requests
 * mixed in (with a {@code pull_request} field) as GitHub does.
 */
public final class FakeGitHub implements AutoCloseable {

    /** One generated issue or pull request. */
    public record Issue(long number, String state, String createdAt, boolean pullRequest) {
    }

    private final List<Issue> issues;
    private final FakeApi api;

    private FakeGitHub(String token, String owner, String repo, int count) {
        this.issues = generate(count);
        this.api = FakeApi.builder().path("/repos/" + owner + "/" + repo + "/issues")
                .records(RecordSet.of(issues.stream().map(FakeGitHub::json).toList()))
                .paging(Paging.linkHeader()).arrayBody().pageSize(30).maxPageSize(100).auth(Auth.bearer(token))
                .rateLimit(5_000, Duration.ofHours(1)).start();
    }

    /** Starts the fake serving {@code count} issues of {@code owner/repo} to {@code token}. */
    public static FakeGitHub start(String token, String owner, String repo, int count) {
        return new FakeGitHub(token, owner, repo, count);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:54321}. */
    public String baseUrl() {
        return api.baseUrl();
    }

    /** Every item served, newest first. */
    public List<Issue> issues() {
        return issues;
    }

    /** Requests answered. */
    public int requests() {
        return api.requests().size();
    }

    private static List<Issue> generate(int count) {
        List<Issue> out = new ArrayList<>(count);
        for (int n = count; n >= 1; n--) {
            long created = FakeStripe.START - 86_400L * 30 + n * 40_000L;
            out.add(new Issue(n, n % 3 == 0 ? "closed" : "open", Instant.ofEpochSecond(created).toString(),
                    n % 5 == 0));
        }
        return List.copyOf(out);
    }

    /** An issue as GitHub sends it (the kit needs an {@code id}; GitHub's issues have one too). */
    private static Map<String, Object> json(Issue issue) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", issue.number());
        out.put("number", issue.number());
        out.put("title", "Issue " + issue.number());
        out.put("state", issue.state());
        out.put("created_at", issue.createdAt());
        out.put("closed_at", null);
        out.put("user", Map.of("login", "octocat"));
        if (issue.pullRequest()) {
            out.put("pull_request", Map.of("url", "/pulls/" + issue.number()));
        }
        return out;
    }

    @Override
    public void close() {
        api.close();
    }
}
