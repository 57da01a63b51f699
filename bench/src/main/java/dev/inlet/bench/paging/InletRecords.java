package dev.inlet.bench.paging;

import dev.inlet.bench.data.Rec;
import dev.inlet.core.Connector;
import dev.inlet.core.Json;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inlet as a user writes it: {@code RestConnector.builder(...).build()} with a body-cursor paginator
 * and {@code records()}, every default left alone (retry policy, read-timeout watchdog, Inlet's
 * mapper with exact decimals). Variants: typed records ({@code build(Rec.class)}), and the same
 * plain mapper as the baselines (to separate the cost of exact decimals from the rest), and the
 * default one observed by Micrometer and OpenTelemetry ({@link Observed}).
 */
public final class InletRecords implements PagingClient {

    /** Which output the connector produces. */
    public enum Variant {
        /** {@code JsonNode} records, Inlet's default mapper (decimals as BigDecimal). */
        TREE,
        /** {@code JsonNode} records read with the baselines' plain mapper (decimals as double). */
        TREE_PLAIN_MAPPER,
        /** {@code Rec} records through {@code build(Rec.class)}. */
        TYPED,
        /** As {@link #TREE}, observed: {@code InletMetrics} and {@code InletTracing} listeners, the propagation interceptor. */
        TREE_OBSERVED
    }

    private final Variant variant;
    private String builtFor;
    private Connector<JsonNode> trees;
    private Connector<Rec> typed;

    /** A client producing the variant's records. */
    public InletRecords(Variant variant) {
        this.variant = variant;
    }

    @Override
    public void readAll(String baseUrl, int perPage, Tally tally) {
        build(baseUrl, perPage);
        if (variant == Variant.TYPED) {
            try (Stream<Rec> records = typed.records()) {
                records.forEach(tally::add);
            }
        } else {
            try (Stream<JsonNode> records = trees.records()) {
                records.forEach(tally::add);
            }
        }
    }

    /** Built once per server, as an application builds its connectors once. */
    private void build(String baseUrl, int perPage) {
        if (baseUrl.equals(builtFor)) {
            return;
        }
        RestConnector.Builder builder = RestConnector.builder("bench-records").baseUrl(baseUrl).path("/records")
                .query("limit", Integer.toString(perPage)).records("/data")
                .paginator(Paginators.bodyCursor("cursor", "/next_cursor"));
        if (variant == Variant.TREE_PLAIN_MAPPER) {
            builder.mapper(Json.configure(JsonMapper.builder())
                    .disable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build());
        }
        if (variant == Variant.TREE_OBSERVED) {
            Observed.observe(builder);
        }
        if (variant == Variant.TYPED) {
            typed = builder.build(Rec.class);
        } else {
            trees = builder.build();
        }
        builtFor = baseUrl;
    }
}
