package dev.inlet.core.state;

import dev.inlet.core.Json;
import dev.inlet.core.testing.ListPageSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/** Test pages of records {"id":"r<n>","n":n}. */
final class Pages {

    private Pages() {
    }

    static JsonNode record(int n) {
        return Json.mapper().createObjectNode().put("id", "r" + n).put("n", n);
    }

    /** {@code count} pages of {@code size} records numbered 0, 1, 2 … */
    static ListPageSource of(int count, int size) {
        List<List<JsonNode>> pages = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            int from = p * size;
            pages.add(IntStream.range(from, from + size).mapToObj(Pages::record).toList());
        }
        return new ListPageSource(pages);
    }

    static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    /** Stands in for kill -9: an Error the sync does not catch, so no state is saved after it. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("simulated crash", null, false, false);
        }
    }
}
