package dev.inlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fake issues its cursors and refuses one it did not issue, as real cursor APIs do. */
class FakeApiCursorTest {

    @Test
    void aCursorTheFakeDidNotIssueIsA400ThatSaysSo() throws Exception {
        try (FakeApi api = FakeApi.builder().paging(Paging.bodyCursor()).start()) {
            var bad = Http.get(api, "/records?after=forged");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("after=forged was not issued by this API");
            assertThat(api.requests()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(400));
        }
    }
}
