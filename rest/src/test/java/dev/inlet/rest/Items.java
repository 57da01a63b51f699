package dev.inlet.rest;

import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.FaultPlan;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The numbered records the REST tests page through, {@code {"id":"r<i>","n":<i>}}: as JSON for
 * hand-written stubs, and as a record set and a Stripe-like list on the test kit's {@link FakeApi}.
 */
public final class Items {

    private Items() {
    }

    /** A JSON array of records {"id":"r<i>","n":<i>} for i in [from, to). */
    public static String items(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "{\"id\":\"r" + i + "\",\"n\":" + i + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** The records {"id":"r<i>","n":<i>} for i in [0, count), for a test kit {@code FakeApi}. */
    public static RecordSet numbered(int count) {
        return RecordSet.of(IntStream.range(0, count).mapToObj(i -> {
            Map<String, Object> record = new LinkedHashMap<>(); // id first, as the JSON of items() has it
            record.put("id", "r" + i);
            record.put("n", i);
            return record;
        }).toList());
    }

    /**
     * A started test kit fake of a Stripe-like list at {@code /v1/charges}: the {@link #numbered}
     * records r0..r9 in pages of 3 (whatever {@code limit} asks), cursor {@code starting_after},
     * {@code has_more}; the caller closes it.
     */
    public static FakeApi stripeLike(FaultPlan faults) {
        return FakeApi.builder().path("/v1/charges").records(numbered(10)).paging(Paging.lastRecordId())
                .pageSize(3).maxPageSize(3).faults(faults).start();
    }

    /** The numbers from..to-1 as a list. */
    public static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
