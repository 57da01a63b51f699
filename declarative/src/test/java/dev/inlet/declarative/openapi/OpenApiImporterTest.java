package dev.inlet.declarative.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.declarative.Definition;
import dev.inlet.declarative.Definitions;
import dev.inlet.declarative.StreamDefinition;
import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The importer on real vendor documents (excerpts, sources in test resources openapi/SOURCES.md). */
class OpenApiImporterTest {

    private static Path spec(String name) {
        try {
            return Path.of(OpenApiImporterTest.class.getResource("/openapi/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Definition load(ImportResult result) {
        return Definitions.load(new ByteArrayInputStream(result.yaml().getBytes(StandardCharsets.UTF_8)), "draft.yaml");
    }

    @Test
    void stripeListsBecomeStreamsWithStartingAfterPagingAndAuth() {
        ImportResult result = OpenApiImporter.builder().build().importSpec(spec("stripe-charges.json"));

        Definition draft = load(result);
        assertThat(draft.name()).isEqualTo("stripe-api");
        assertThat(draft.baseUrl()).isEqualTo("https://api.stripe.com");
        assertThat(draft.streams()).containsExactly("charges", "customers");
        StreamDefinition charges = draft.stream("charges").orElseThrow();
        assertThat(charges.path()).isEqualTo("/v1/charges");
        assertThat(charges.records()).contains("/data");
        assertThat(charges.primaryKey()).contains("/id");
        assertThat(charges.paginator()).isEqualTo("last_record_cursor");
        assertThat(result.operations()).allSatisfy(op -> {
            assertThat(op.paginator()).contains("last_record_cursor");
            assertThat(op.auth()).isPresent();
        });
        // every guess says why, for a person to confirm
        assertThat(result.yaml()).contains("records: \"/data\"  # guess: the response's only array property")
                .contains("# guess: parameter `starting_after` and response field `/has_more` (Stripe-style)")
                .contains("auth:  # guess: security scheme");
        assertThat(result.yaml()).doesNotContain("sk_");
    }

    @Test
    void githubIssuesPageByLinkHeaderWithPathInputsAndUpdatedAt() {
        ImportResult result = OpenApiImporter.builder().build().importSpec(spec("github-issues.json"));

        Definition draft = load(result);
        StreamDefinition issues = draft.stream("issues").orElseThrow();
        assertThat(issues.path()).isEqualTo("/repos/${input:owner}/${input:repo}/issues");
        assertThat(issues.records()).isEmpty();
        assertThat(issues.paginator()).isEqualTo("link_header");
        assertThat(issues.cursorField()).contains("/updated_at");
        assertThat(draft.inputs()).extracting(i -> i.name()).contains("owner", "repo");
        assertThat(result.operations().get(0).records()).contains("");
        // GitHub's document declares no security schemes: the draft says so instead of inventing auth
        assertThat(result.operations().get(0).auth()).isEmpty();
        assertThat(result.yaml()).contains("# The document declares no security schemes");
        assertThat(result.yaml()).contains("param: \"since\"  # guess: parameter `since` looks like a lower bound");
    }

    @Test
    void asanaPagesByOffsetAndLimitFromSharedParameters() {
        ImportResult result = OpenApiImporter.builder().build().importSpec(spec("asana-projects.json"));

        StreamDefinition projects = load(result).stream("projects").orElseThrow();
        assertThat(projects.records()).contains("/data");
        assertThat(projects.paginator()).isEqualTo("offset");
        // both come from components.parameters ($ref), resolved by the importer
        assertThat(result.yaml()).contains("param: \"offset\"").contains("size_param: \"limit\"");
        assertThat(result.operations().get(0).auth()).isPresent();
    }

    @Test
    void devToPagesByPageNumberWithItsSizeParameter() {
        ImportResult result = OpenApiImporter.builder().build().importSpec(spec("devto-articles.json"));

        StreamDefinition articles = load(result).stream("articles").orElseThrow();
        assertThat(articles.paginator()).isEqualTo("page_number");
        assertThat(result.yaml()).contains("param: \"page\"").contains("size_param: \"per_page\"");
        assertThat(result.yaml()).contains("type: api_key").contains("in: \"header\"");
    }

    @Test
    void operationsSelectByIdOrPath() {
        ImportResult byId = OpenApiImporter.builder().operations(List.of("GetCustomers")).build()
                .importSpec(spec("stripe-charges.json"));
        assertThat(byId.operations()).extracting(OperationFinding::stream).containsExactly("customers");
        ImportResult byPath = OpenApiImporter.builder().operations(List.of("/v1/charges")).name("stripe").build()
                .importSpec(spec("stripe-charges.json"));
        assertThat(byPath.operations()).extracting(OperationFinding::path).containsExactly("/v1/charges");
        assertThat(load(byPath).name()).isEqualTo("stripe");
    }

    @Test
    void plaidsSyncIsAPostListPagedByTheCursorInItsBodyAndContinued() {
        ImportResult result = OpenApiImporter.builder().name("plaid").build().importSpec(spec("plaid-transactions.json"));

        // /transactions/get pages by an offset inside `options`, /sandbox/public_token/create creates: neither is
        // a list the importer can page, so only the sync becomes a stream.
        assertThat(result.operations()).extracting(OperationFinding::path).containsExactly("/transactions/sync");
        OperationFinding sync = result.operations().get(0);
        assertThat(sync.method()).isEqualTo("POST");
        assertThat(sync.records()).contains("/added");
        assertThat(sync.paginator()).contains("request_body_cursor");
        assertThat(sync.primaryKey()).contains("/transaction_id");

        Definition draft = load(result);
        StreamDefinition stream = draft.stream(sync.stream()).orElseThrow(() -> new AssertionError(result.yaml()));
        assertThat(stream.paginator()).isEqualTo("request_body_cursor");
        assertThat(result.yaml())
                .contains("method: POST")
                .contains("access_token: \"${env:PLAID_ACCESS_TOKEN}\"  # guess: a credential: from the environment")
                .contains("secret: \"${env:PLAID_SECRET}\"")
                .contains("client_id: \"${input:client_id}\"")
                .contains("count: 500  # guess: the page size: the document's maximum")
                .contains("body_field: \"/cursor\"", "cursor: \"/next_cursor\"", "has_more: \"/has_more\"",
                        "continue_from: \"/next_cursor\"")
                .contains("a sync: its last cursor is where the next run continues");
        String body = result.yaml().substring(result.yaml().indexOf("    body:"), result.yaml().indexOf("    records:"));
        assertThat(body).as("the cursor is the paginator's, not a body field").doesNotContain("cursor")
                .doesNotContain("options");
        assertThat(draft.inputs()).extracting(dev.inlet.declarative.InputDefinition::name).contains("client_id");
    }

    @Test
    void unknownOperationsAndNonDocumentsAreTypedErrors() {
        assertThatThrownBy(() -> OpenApiImporter.builder().operations(List.of("nope")).build()
                .importSpec(spec("stripe-charges.json")))
                .isInstanceOf(OpenApiImportException.class).hasMessageContaining("no list operation among [nope]");
        assertThatThrownBy(() -> OpenApiImporter.builder().build().importSpec("just: text", "notes.yaml"))
                .isInstanceOf(OpenApiImportException.class).hasMessageStartingWith("notes.yaml: not an OpenAPI document");
        assertThatThrownBy(() -> OpenApiImporter.builder().build().importSpec(Path.of("missing-spec.json")))
                .isInstanceOf(OpenApiImportException.class).hasMessageContaining("missing-spec.json");
        assertThatThrownBy(() -> OpenApiImporter.builder().name("Bad Name"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
