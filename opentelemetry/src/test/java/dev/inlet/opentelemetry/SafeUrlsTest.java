package dev.inlet.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeUrlsTest {

    @Test
    void theServerIsTheHostAndThePortOrTheSchemesDefault() {
        assertThat(SafeUrls.server("https://api.example.com/v1/x?cursor=1"))
                .contains(new SafeUrls.Server("api.example.com", 443));
        assertThat(SafeUrls.server("http://api.example.com?x=1")).contains(new SafeUrls.Server("api.example.com", 80));
        assertThat(SafeUrls.server("http://127.0.0.1:8081/p#frag")).contains(new SafeUrls.Server("127.0.0.1", 8081));
        assertThat(SafeUrls.server("http://[::1]:9000/p")).contains(new SafeUrls.Server("[::1]", 9000));
    }

    @Test
    void userInfoChangesNothingAndNonUrlsHaveNoServer() {
        assertThat(SafeUrls.server("https://user:s3cret@api.example.com:8443/v1"))
                .contains(new SafeUrls.Server("api.example.com", 8443));
        assertThat(SafeUrls.server("not a url")).isEmpty();
        assertThat(SafeUrls.server("/relative/path")).isEmpty();
        assertThat(SafeUrls.server("")).isEmpty();
    }

    @Test
    void manyServersStayCorrectPastTheCachesBound() {
        for (int port = 1000; port < 1600; port++) {
            assertThat(SafeUrls.server("http://h" + port + ".example:" + port + "/x"))
                    .contains(new SafeUrls.Server("h" + port + ".example", port));
        }
    }
}
