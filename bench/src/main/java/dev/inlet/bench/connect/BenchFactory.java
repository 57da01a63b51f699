package dev.inlet.bench.connect;

import dev.inlet.core.Connector;
import dev.inlet.kafka.connect.InletConnectorFactory;
import dev.inlet.kafka.connect.StreamSource;
import dev.inlet.kafka.connect.Tenant;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The connector of the connect benchmark, the same in-process and on Connect: the bench's loopback
 * {@code /records} endpoint (tenant input {@code url}), {@code perPage} (input) records a page, body cursor.
 */
public final class BenchFactory implements InletConnectorFactory {

    /** The stream's connector. */
    static Connector<JsonNode> connector(String baseUrl, int perPage) {
        return RestConnector.builder("bench-records").baseUrl(baseUrl).path("/records")
                .query("limit", Integer.toString(perPage)).records("/data")
                .paginator(Paginators.bodyCursor("cursor", "/next_cursor")).build();
    }

    @Override
    public List<StreamSource> streams(Tenant tenant) {
        Connector<JsonNode> records = connector(tenant.requireInput("url"),
                Integer.parseInt(tenant.requireInput("perPage")));
        return List.of(StreamSource.builder("records", records).build());
    }
}
