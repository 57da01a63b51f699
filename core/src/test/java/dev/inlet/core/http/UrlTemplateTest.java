package dev.inlet.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One endpoint is one name: ids, query and user info never reach a metric tag. */
class UrlTemplateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://api.example.com/v1/customers|api.example.com/v1/customers",
        "https://api.example.com/v1/customers/12345/orders|api.example.com/v1/customers/{id}/orders",
        "https://api.example.com/v1/customers/cus_9s6XKzkNRiz8i3|api.example.com/v1/customers/{id}",
        "https://api.example.com/items/123e4567-e89b-12d3-a456-426614174000|api.example.com/items/{id}",
        "https://api.example.com/commits/9fceb02d0ae598e95dc970b74767f19372d61af8|api.example.com/commits/{id}",
        "https://api.example.com/days/2024-01-31/stats|api.example.com/days/{id}/stats",
        "https://api.example.com/users/jane%40example.com|api.example.com/users/{id}",
        "https://api.example.com/oauth2/v2/token|api.example.com/oauth2/v2/token",
        "http://127.0.0.1:8080/items/|127.0.0.1:8080/items/",
        "https://API.example.com|api.example.com/",
    })
    void idLikeSegmentsBecomeIdAndTheRestStays(String url, String template) {
        assertThat(UrlTemplate.of(url)).isEqualTo(template);
    }

    @Test
    void queryUserInfoAndFragmentAreDropped() {
        String template = UrlTemplate.of("https://user:s3cret@api.example.com/v1/items?api_key=s3cret&page=2#top");

        assertThat(template).isEqualTo("api.example.com/v1/items").doesNotContain("s3cret").doesNotContain("user");
    }

    @Test
    void somethingThatIsNotAUrlIsUnknown() {
        assertThat(UrlTemplate.of("not a url")).isEqualTo("unknown");
        assertThat(UrlTemplate.of(null)).isEqualTo("unknown");
    }
}
