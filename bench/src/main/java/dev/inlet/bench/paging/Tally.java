package dev.inlet.bench.paging;

import dev.inlet.bench.data.Rec;
import tools.jackson.databind.JsonNode;

/**
 * What every paging client does with each record: count it and add its {@code n}, so the JIT cannot
 * drop the decoding and the result proves each record arrived exactly once. Not thread-safe.
 */
public final class Tally {

    private long count;
    private long sum;

    /** Takes a tree record. */
    public void add(JsonNode record) {
        count++;
        sum += record.get("n").asLong();
    }

    /** Takes a typed record. */
    public void add(Rec record) {
        count++;
        sum += record.n();
    }

    /** Records seen. */
    public long count() {
        return count;
    }

    /** Sum of their {@code n}. */
    public long sum() {
        return sum;
    }
}
