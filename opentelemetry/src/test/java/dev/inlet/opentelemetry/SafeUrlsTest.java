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

    @Test
    void theFullUrlLosesUserInfoAndFragmentAndKeepsEverythingElse() {
        String plain = "http://127.0.0.1:8081/records?limit=1000&cursor=abc";
        assertThat(SafeUrls.full(plain)).isSameAs(plain); // nothing to drop: no copy per attempt
        assertThat(SafeUrls.full("https://u:p@a@api.example.com/v1?q=x@y#f"))
                .isEqualTo("https://REDACTED:REDACTED@api.example.com/v1?q=x@y");
        assertThat(SafeUrls.full("https://user@api.example.com")).isEqualTo("https://REDACTED:REDACTED@api.example.com");
        assertThat(SafeUrls.full("https://api.example.com/a@b#frag")).isEqualTo("https://api.example.com/a@b");
        assertThat(SafeUrls.full("https://api.example.com?to=a@b.c")).isEqualTo("https://api.example.com?to=a@b.c");
        assertThat(SafeUrls.full("/relative/path#x://y@z")).isEqualTo("/relative/path");
        assertThat(SafeUrls.full("no-scheme@host/p")).isEqualTo("no-scheme@host/p");
    }
}
