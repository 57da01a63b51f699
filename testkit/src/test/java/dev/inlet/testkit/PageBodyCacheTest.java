package dev.inlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendered pages are kept per version of the records, per bounds and envelope, within a byte bound. */
class PageBodyCacheTest {

    private final PageBodyCache cache = new PageBodyCache();
    private final List<String> version1 = new ArrayList<>(List.of("a"));
    private final List<String> version2 = new ArrayList<>(List.of("a"));

    @Test
    void aPageIsFoundForTheSameListBoundsAndEnvelopeOnly() {
        byte[] body = {1, 2, 3};
        cache.put(version1, 0, 10, "{\"total\":3}".getBytes(), body);

        assertThat(cache.get(version1, 0, 10, "{\"total\":3}".getBytes())).isSameAs(body);
        assertThat(cache.get(version1, 0, 10, "{\"total\":4}".getBytes())).as("another envelope").isNull();
        assertThat(cache.get(version1, 10, 20, "{\"total\":3}".getBytes())).as("other bounds").isNull();
        assertThat(cache.get(version2, 0, 10, "{\"total\":3}".getBytes())).as("an equal but other list").isNull();
        assertThat(cache.get(version1, 0, 10, null)).isNull();
    }

    @Test
    void anotherVersionEmptiesTheCache() {
        cache.put(version1, 0, 10, null, new byte[] {1});
        cache.put(version2, 0, 10, null, new byte[] {2});

        assertThat(cache.get(version1, 0, 10, null)).isNull();
        assertThat(cache.get(version2, 0, 10, null)).containsExactly(2);
    }

    @Test
    void theLeastRecentlyUsedPagesGoOnceTheBoundIsPassed() {
        int page = (int) (PageBodyCache.MAX_BYTES / 4);
        for (int k = 0; k < 4; k++) {
            cache.put(version1, k, k + 1, null, new byte[page]);
        }
        assertThat(cache.get(version1, 0, 1, null)).as("used, so not the eldest").isNotNull();
        cache.put(version1, 4, 5, null, new byte[page]);

        assertThat(cache.get(version1, 1, 2, null)).as("the least recently used").isNull();
        assertThat(cache.get(version1, 0, 1, null)).isNotNull();
        assertThat(cache.get(version1, 4, 5, null)).isNotNull();
        cache.put(version1, 9, 10, null, new byte[(int) PageBodyCache.MAX_BYTES + 1]);
        assertThat(cache.get(version1, 9, 10, null)).as("larger than the bound: not kept").isNull();
    }
}
