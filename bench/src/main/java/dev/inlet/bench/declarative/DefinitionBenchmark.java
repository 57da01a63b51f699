package dev.inlet.bench.declarative;

import dev.inlet.bench.paging.Tally;
import dev.inlet.bench.server.LoopbackServer;
import dev.inlet.bench.server.RecordPages;
import dev.inlet.core.Connector;
import dev.inlet.declarative.Binding;
import dev.inlet.declarative.Definition;
import dev.inlet.declarative.Definitions;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.JsonNode;

/**
 * The definitions benchmark, a definition's cost: one operation reads a whole stream (the bench's loopback server,
 * {@code pages} pages of {@code perPage} records with a body cursor) through a connector built in Java,
 * versus loading the same connector's YAML definition, binding it and reading the stream. Loading,
 * checking and binding the file is inside the measured operation, so the difference is everything a
 * definition adds (the goal: at most 2%).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DefinitionBenchmark {

    /** The definition of the same stream as {@link #javaConnector()} builds. */
    static final String DEFINITION = """
            inlet: 1
            name: bench
            base_url: http://127.0.0.1:1
            inputs:
              per_page: {type: integer, default: "100"}
            streams:
              records:
                path: /records
                params:
                  limit: ${input:per_page}
                records: /data
                paginator: {type: body_cursor, param: cursor, cursor: /next_cursor}
            """;

    /** Pages per operation. */
    @Param("20")
    public int pages;

    /** Records per page. */
    @Param("100")
    public int perPage;

    LoopbackServer server;
    RecordPages api;
    byte[] definition;

    /** Starts the page server once per trial. */
    @Setup
    public void setUp() throws IOException {
        api = new RecordPages(pages, perPage);
        server = LoopbackServer.start(api);
        definition = DEFINITION.getBytes(StandardCharsets.UTF_8);
    }

    /** Stops the server. */
    @TearDown
    public void tearDown() {
        server.close();
    }

    /** The connector built in Java, then the stream read. */
    @Benchmark
    public long javaConnector() {
        Connector<JsonNode> connector = RestConnector.builder("bench-records").baseUrl(server.baseUrl())
                .path("/records").query("limit", Integer.toString(perPage)).records("/data")
                .paginator(Paginators.bodyCursor("cursor", "/next_cursor")).build();
        return read(connector);
    }

    /** The definition loaded, checked and bound, its connector built, then the stream read. */
    @Benchmark
    public long definition() {
        Definition loaded = Definitions.load(new ByteArrayInputStream(definition), "bench.yaml");
        Connector<JsonNode> connector = loaded.bind(Binding.builder().input("per_page", Integer.toString(perPage))
                .baseUrlOverride(server.baseUrl()).build()).connector("records");
        return read(connector);
    }

    /** The load, check and bind alone (no request), to show the fixed cost the ratio spreads out. */
    @Benchmark
    public Object loadAndBindOnly() {
        return Definitions.load(new ByteArrayInputStream(definition), "bench.yaml").bind(Binding.builder()
                .input("per_page", Integer.toString(perPage)).baseUrlOverride(server.baseUrl()).build())
                .connector("records");
    }

    long read(Connector<JsonNode> connector) {
        Tally tally = new Tally();
        try (Stream<JsonNode> records = connector.records()) {
            records.forEach(tally::add);
        }
        if (tally.count() != api.expectedCount() || tally.sum() != api.expectedSum()) {
            throw new IllegalStateException("read " + tally.count() + " records, expected " + api.expectedCount());
        }
        return tally.count();
    }
}
