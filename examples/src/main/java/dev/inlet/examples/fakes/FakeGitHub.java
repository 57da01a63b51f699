package dev.inlet.examples.fakes;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A GitHub-like issues API on a loopback port: {@code GET /repos/{owner}/{repo}/issues?state=all
 * &per_page=&page=}, a JSON array per page, the next page in the {@code Link} header, a bearer token,
 * pull requests mixed in (with a {@code pull_request} field) as GitHub does.
 */
public final class FakeGitHub extends FakeHttp {

    /** One generated issue or pull request. */
    public record Issue(long number, String state, String createdAt, boolean pullRequest) {
    }

    private final String token;
    private final String path;
    private final List<Issue> issues;
    private final AtomicInteger requests = new AtomicInteger();

    private FakeGitHub(String token, String owner, String repo, int count) throws IOException {
        this.token = token;
        this.path = "/repos/" + owner + "/" + repo + "/issues";
        this.issues = generate(count);
        route(path, this::issues);
        start();
    }

    /** Starts the fake serving {@code count} issues of {@code owner/repo} to {@code token}. */
    public static FakeGitHub start(String token, String owner, String repo, int count) throws IOException {
        return new FakeGitHub(token, owner, repo, count);
    }

    /** Every item served, newest first. */
    public List<Issue> issues() {
        return issues;
    }

    /** Requests answered. */
    public int requests() {
        return requests.get();
    }

    private static List<Issue> generate(int count) {
        List<Issue> out = new ArrayList<>(count);
        for (int n = count; n >= 1; n--) {
            long created = FakeStripe.START - 86_400L * 30 + n * 40_000L;
            out.add(new Issue(n, n % 3 == 0 ? "closed" : "open", java.time.Instant.ofEpochSecond(created).toString(),
                    n % 5 == 0));
        }
        return List.copyOf(out);
    }

    private void issues(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (!bearer(exchange, token)) {
            respond(exchange, 401, "application/json", "{\"message\":\"Bad credentials\"}");
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI());
        int perPage = Math.max(1, Math.min(100, Integer.parseInt(query.getOrDefault("per_page", "30"))));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int from = (page - 1) * perPage;
        int to = Math.min(from + perPage, issues.size());
        int last = Math.max(1, (issues.size() + perPage - 1) / perPage);
        if (page < last) {
            String base = baseUrl() + path + "?state=all&per_page=" + perPage + "&page=";
            exchange.getResponseHeaders().set("Link", "<" + base + (page + 1) + ">; rel=\"next\", <" + base + last
                    + ">; rel=\"last\"");
        }
        exchange.getResponseHeaders().set("X-RateLimit-Limit", "5000");
        exchange.getResponseHeaders().set("X-RateLimit-Remaining", Integer.toString(5000 - requests.get()));
        StringBuilder body = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            Issue issue = issues.get(i);
            body.append(i > from ? "," : "").append("{\"number\":").append(issue.number())
                    .append(",\"title\":\"Issue ").append(issue.number()).append("\",\"state\":\"")
                    .append(issue.state()).append("\",\"created_at\":\"").append(issue.createdAt())
                    .append("\",\"closed_at\":null,\"user\":{\"login\":\"octocat\"}")
                    .append(issue.pullRequest() ? ",\"pull_request\":{\"url\":\"" + baseUrl() + "/pulls/"
                            + issue.number() + "\"}" : "").append('}');
        }
        respond(exchange, 200, "application/json; charset=utf-8", body.append(']').toString());
    }
}
