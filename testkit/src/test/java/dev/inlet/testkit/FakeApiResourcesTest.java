package dev.inlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Further paths of one fake ({@code FakeApi.Builder.resource}): served alike, never faulted, not numbered. */
class FakeApiResourcesTest {

    @Test
    void aResourceIsServedWithTheSamePagingAndCredentials() throws Exception {
        RecordSet customers = RecordSet.of(List.of(Map.of("id", "cus_1"), Map.of("id", "cus_2"), Map.of("id", "cus_3")));
        try (FakeApi api = FakeApi.builder().path("/v1/charges").records(RecordSet.generate(5))
                .resource("/v1/customers", customers).paging(Paging.lastRecordId()).auth(Auth.bearer("sk"))
                .start()) {
            var page = Http.get(api, "/v1/customers?limit=2&starting_after=cus_1", "Authorization", "Bearer sk");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("\"id\":\"cus_2\"", "\"id\":\"cus_3\"", "\"has_more\":false")
                    .doesNotContain("cus_1");
            assertThat(Http.get(api, "/v1/customers").statusCode()).isEqualTo(401);
            customers.add(Map.of("id", "cus_4"));
            assertThat(Http.get(api, "/v1/customers?starting_after=cus_3", "Authorization", "Bearer sk").body())
                    .contains("cus_4");
            api.assertNoUnmatchedRequests();
        }
    }

    @Test
    void resourceRequestsAreNeitherFaultedNorNumberedForThePlan() throws Exception {
        try (FakeApi api = FakeApi.builder().resource("/other", RecordSet.generate(3))
                .faults(FaultPlan.builder().at(1, Fault.status(503)).build()).start()) {
            assertThat(Http.get(api, "/other").statusCode()).isEqualTo(200);
            assertThat(Http.get(api, "/records").statusCode()).isEqualTo(200); // the plan's request 0
            assertThat(Http.get(api, "/other").statusCode()).isEqualTo(200);
            assertThat(Http.get(api, "/records").statusCode()).isEqualTo(503); // the plan's request 1
            assertThat(Http.get(api, "/records").statusCode()).isEqualTo(200);
            assertThat(api.requests()).extracting(RecordedRequest::fault)
                    .containsExactly("ok", "ok", "ok", "STATUS(503)", "ok");
        }
    }

    @Test
    void anUnknownPathIsUnmatchedAndTheMessageNamesTheResources() throws Exception {
        try (FakeApi api = FakeApi.builder().resource("/other", RecordSet.generate(1)).start()) {
            assertThat(Http.get(api, "/nowhere").statusCode()).isEqualTo(404);
            assertThatThrownBy(api::assertNoUnmatchedRequests).isInstanceOf(FakeApiAssertionError.class)
                    .hasMessageContaining("GET /records and [/other]");
        }
    }

    @Test
    void aResourceNeedsAPathOfItsOwn() {
        assertThatThrownBy(() -> FakeApi.builder().resource("/a", RecordSet.empty()).resource("/a", RecordSet.empty()))
                .isInstanceOf(FakeApiConfigException.class).hasMessageContaining("already served");
        assertThatThrownBy(() -> FakeApi.builder().resource("/records", RecordSet.empty()).start())
                .isInstanceOf(FakeApiConfigException.class).hasMessageContaining("both the path and a resource");
        assertThatThrownBy(() -> FakeApi.builder().resource("no-slash", RecordSet.empty()))
                .isInstanceOf(FakeApiConfigException.class).hasMessageContaining("FakeApi.resource(no-slash)");
    }
}
