package dev.inlet.bench.paging;

import dev.inlet.bench.server.PagedApi;
import dev.inlet.bench.server.RecordPages;
import dev.inlet.bench.server.RelayPages;
import java.util.List;

/** The paging clients by the names the harness and the README use. */
public final class PagingClients {

    /** Baseline (a): JDK HttpClient + Jackson streaming. */
    public static final String JDK = "jdk-streaming";
    /** Baseline (b): OkHttp + Jackson databind {@code List<Rec>} per page. */
    public static final String OKHTTP = "okhttp-databind";
    /** Inlet {@code records()}, JsonNode records, defaults. */
    public static final String INLET = "inlet";
    /** Inlet {@code build(Rec.class)}. */
    public static final String INLET_TYPED = "inlet-typed";
    /** Inlet with the baselines' plain mapper (doubles instead of BigDecimal). */
    public static final String INLET_PLAIN = "inlet-plain-mapper";
    /** Inlet {@code records()} with the Micrometer and OpenTelemetry listeners and the propagation interceptor. */
    public static final String INLET_OBSERVED = "inlet-observed";
    /** The ceiling: the same pages' bytes parsed from memory, no HTTP (issue 21). */
    public static final String MEMORY = "parse-from-memory";
    /** Baseline (a) on the JDK client's default executor (to show why the baseline uses the direct one). */
    public static final String JDK_POOL = "jdk-streaming-pool";

    /** The clients measured by default, baseline (a) first. */
    public static final List<String> DEFAULT = List.of(JDK, OKHTTP, INLET, INLET_TYPED, INLET_PLAIN);
    /** GraphQL: the hand-written Relay loop. */
    public static final String RELAY_LOOP = "graphql-jdk-loop";
    /** GraphQL: Inlet's RelayConnector. */
    public static final String RELAY_INLET = "graphql-inlet-relay";
    /** The GraphQL clients, baseline first. */
    public static final List<String> GRAPHQL = List.of(RELAY_LOOP, RELAY_INLET);

    private PagingClients() {
    }

    /** A new client by name. */
    public static PagingClient create(String name) {
        return switch (name) {
            case JDK -> new JdkStreamingLoop(true);
            case JDK_POOL -> new JdkStreamingLoop(false);
            case MEMORY -> new MemoryParse();
            case OKHTTP -> new OkHttpDatabindLoop();
            case INLET -> new InletRecords(InletRecords.Variant.TREE);
            case INLET_TYPED -> new InletRecords(InletRecords.Variant.TYPED);
            case INLET_PLAIN -> new InletRecords(InletRecords.Variant.TREE_PLAIN_MAPPER);
            case INLET_OBSERVED -> new InletRecords(InletRecords.Variant.TREE_OBSERVED);
            case RELAY_LOOP -> new dev.inlet.bench.graphql.RelayLoop();
            case RELAY_INLET -> new dev.inlet.bench.graphql.InletRelay();
            default -> throw new IllegalArgumentException("unknown paging client " + name + "; known: " + DEFAULT
                    + ", " + JDK_POOL + ", " + MEMORY + ", " + INLET_OBSERVED + ", " + GRAPHQL);
        };
    }

    /** The fake API a client reads: Relay pages for the GraphQL clients, REST pages for the others. */
    public static PagedApi api(String client, int pages, int perPage) {
        return GRAPHQL.contains(client) ? new RelayPages(pages, perPage) : new RecordPages(pages, perPage);
    }
}
