package dev.inlet.bench.paging;

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
    /** Baseline (a) on the JDK client's default executor (to show why the baseline uses the direct one). */
    public static final String JDK_POOL = "jdk-streaming-pool";

    /** The clients measured by default, baseline (a) first. */
    public static final List<String> DEFAULT = List.of(JDK, OKHTTP, INLET, INLET_TYPED, INLET_PLAIN);

    private PagingClients() {
    }

    /** A new client by name. */
    public static PagingClient create(String name) {
        return switch (name) {
            case JDK -> new JdkStreamingLoop(true);
            case JDK_POOL -> new JdkStreamingLoop(false);
            case OKHTTP -> new OkHttpDatabindLoop();
            case INLET -> new InletRecords(InletRecords.Variant.TREE);
            case INLET_TYPED -> new InletRecords(InletRecords.Variant.TYPED);
            case INLET_PLAIN -> new InletRecords(InletRecords.Variant.TREE_PLAIN_MAPPER);
            default -> throw new IllegalArgumentException("unknown paging client " + name + "; known: " + DEFAULT
                    + ", " + JDK_POOL);
        };
    }
}
