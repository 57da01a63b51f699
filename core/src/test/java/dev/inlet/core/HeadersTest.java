package dev.inlet.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void namesCompareCaseInsensitivelyAndKeepEveryValue() {
        Headers h = Headers.of(Map.of("set-cookie", List.of("a=1", "b=2"), "Content-Type", List.of("text/csv")));
        assertThat(h.first("CONTENT-TYPE")).contains("text/csv");
        assertThat(h.all("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(h.first("missing")).isEmpty();
        assertThat(h.all("missing")).isEmpty();
        assertThat(h.with("content-type", "application/json").all("Content-Type")).containsExactly("application/json");
        assertThat(h.without("SET-COOKIE").contains("set-cookie")).isFalse();
    }

    @Test
    void toStringMasksCredentials() {
        Headers h = Headers.of("Authorization", "Bearer sk_live_abc", "X-Api-Key", "key123", "Accept", "*/*",
                "X-Shopify-Access-Token", "shpat_1");
        assertThat(h.toString()).contains("Accept=[*/*]").contains("Authorization=[***]")
                .doesNotContain("sk_live_abc").doesNotContain("key123").doesNotContain("shpat_1");
    }

    @Test
    void badNamesAndOddPairsAreRefused() {
        assertThatThrownBy(() -> Headers.of("Accept")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pairs");
        assertThatThrownBy(() -> Headers.builder().add("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("illegal character");
        assertThatThrownBy(() -> Headers.builder().add(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
