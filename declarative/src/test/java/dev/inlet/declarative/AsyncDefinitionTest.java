package dev.inlet.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.RunReport;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Transport;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A definition's stream bound with a pipeline over {@link Transport#jdk()} opens its pages asynchronously,
 * rate limit and prefetch wrapper included, so {@code readAsync} (and {@code ConcurrentFetch},
 * {@code Substreams}, the {@code Scheduler}) wait for it without a thread; with the default transport it
 * says it does not.
 */
class AsyncDefinitionTest {

    private static final Definition DEFINITION = RestStreamTest.yaml("""
            inlet: 1
            name: acme-async
            base_url: https://api.acme.test
            rate_limit: {requests: 50, per: 1s}
            streams:
              items:
                path: /items
                records: /data
                primary_key: /id
                paginator:
                  type: offset
                  size: 10
            """);

    @Test
    void aStreamBoundOverTheJdkTransportIsReadWithoutAThreadWaitingEveryRecordOnceInOrder() throws Exception {
        try (FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(45)).paging(Paging.offset())
                .start()) {
            Connector<JsonNode> async = DEFINITION.bind(Binding.builder().baseUrlOverride(api.baseUrl())
                    .pipeline(HttpPipeline.builder().transport(Transport.jdk()).build()).build()).connector("items");
            Connector<JsonNode> threaded = DEFINITION.bind(Binding.builder().baseUrlOverride(api.baseUrl()).build())
                    .connector("items");
            assertThat(async.source().opensAsynchronously()).isTrue();
            assertThat(threaded.source().opensAsynchronously()).isFalse();

            List<String> ids = new CopyOnWriteArrayList<>();
            RunReport report = async.readAsync(record -> ids.add(record.get("id").asString())).get(30, TimeUnit.SECONDS);

            assertThat(report.completed()).isTrue();
            assertThat(ids).hasSize(45).isEqualTo(RestStreamTest.ids(threaded.records()));
        }
    }
}
