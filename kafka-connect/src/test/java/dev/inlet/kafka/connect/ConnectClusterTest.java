package dev.inlet.kafka.connect;

import static dev.inlet.kafka.connect.ClusterRecords.await;
import static dev.inlet.kafka.connect.ClusterRecords.idsUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Position;
import dev.inlet.kafka.connect.internal.SourceOffsets;
import dev.inlet.testkit.Auth;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.RecordSet;
import dev.inlet.testkit.RecordedRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The connector on Kafka's own embedded Connect cluster (in-process, loopback), at-least-once: one
 * cluster for the class, one connector (and topic) per test.
 */
@Timeout(180)
class ConnectClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startCluster() {
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("offset.flush.interval.ms", "500");
        // A lost worker's tasks move at once, not after the default 5-minute grace period.
        workerProps.put("scheduled.rebalance.max.delay.ms", "1000");
        // The plugins on the test class path have ServiceLoader manifests: skip the slow reflective scan.
        workerProps.put("plugin.discovery", "service_load");
        connect = new EmbeddedConnectCluster.Builder().name("inlet-connect").numWorkers(2).numBrokers(1)
                .workerProps(workerProps).build();
        connect.start();
    }

    @AfterEach
    void deleteConnectorsAndRestoreWorkers() {
        connect.connectors().forEach(connect::deleteConnector);
        while (connect.workers().size() < 2) {
            connect.addWorker();
        }
    }

    @AfterAll
    static void stopCluster() {
        if (connect != null) {
            connect.stop();
        }
    }

    static Map<String, String> connectorConfig(String name, String topic, FakeApi api, String key) {
        Map<String, String> props = new HashMap<>();
        props.put("name", name);
        props.put("connector.class", InletSourceConnector.class.getName());
        props.put("tasks.max", "1");
        props.put("key.converter", StringConverter.class.getName());
        props.put("value.converter", StringConverter.class.getName());
        props.put("inlet.factory.class", FakeApiFactory.class.getName());
        // The embedded broker creates no topics by itself: Connect creates the record and heartbeat topics.
        props.put("topic.creation.default.replication.factor", "1");
        props.put("topic.creation.default.partitions", "1");
        props.put("inlet.topic", topic);
        props.put("inlet.tenants", "a");
        props.put("inlet.tenant.a.input.url", api.baseUrl());
        props.put("inlet.tenant.a.input.path", api.path());
        props.put("inlet.tenant.a.input.key", key);
        return props;
    }

    private static Map<String, ?> offsetOf(String connector) {
        List<ConnectorOffset> offsets = connect.connectorOffsets(connector).offsets();
        return offsets.isEmpty() ? null : offsets.get(0).offset();
    }

    @Test
    void aFullSyncDeliversEveryRecordOnceAndTheOffsetSaysDone() throws Exception {
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(300)).start()) {
            connect.configureConnector("full", connectorConfig("full", "full-items", api, "full"));

            List<String> ids = idsUntil(connect, "full-items", false, WAIT, got -> got.size() >= 300);
            await("the offset says done", WAIT, () -> offsetOf("full") != null
                    && SourceOffsets.read(offsetOf("full")).done(), () -> connect.connectorOffsets("full").offsets());

            assertThat(ids).containsExactlyElementsOf(api.records().ids());
            assertThat(connect.connectorOffsets("full").offsets()).singleElement().satisfies(o ->
                    assertThat(o.partition()).isEqualTo(Map.of("connector", "full", "stream", "items", "tenant", "a")));
        }
    }

    @Test
    void aDefinitionConfiguredConnectorSyncsEveryRecordOnce() throws Exception {
        String token = "tok-defined-42";
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(200)).auth(Auth.bearer(token)).start()) {
            Map<String, String> props = connectorConfig("defined", "defined-items", api, "defined");
            props.remove("inlet.factory.class");
            props.remove("inlet.tenant.a.input.key");
            props.put("inlet.definition", DefinitionConfigTest.fakeDefinition());
            props.put("inlet.streams", "items");
            // In production this is a config provider's reference (${file:...}); the worker resolves it.
            props.put("inlet.tenant.a.secret.token", token);
            connect.configureConnector("defined", props);

            List<String> ids = idsUntil(connect, "defined-items", false, WAIT, got -> got.size() >= 200);
            await("the offset says done", WAIT, () -> offsetOf("defined") != null
                    && SourceOffsets.read(offsetOf("defined")).done(), () -> connect.connectorOffsets("defined").offsets());

            assertThat(ids).containsExactlyElementsOf(api.records().ids());
            assertThat(connect.connectorStatus("defined").tasks()).singleElement()
                    .satisfies(task -> assertThat(task.state()).isEqualTo("RUNNING"));
        }
    }

    @Test
    void offsetsSetThroughRestAreWhereTheTaskResumes() throws Exception {
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(100)).start()) {
            connect.configureConnector("alter", connectorConfig("alter", "alter-items", api, "alter"));
            idsUntil(connect, "alter-items", false, WAIT, got -> got.size() >= 100);
            await("the offset says done", WAIT, () -> offsetOf("alter") != null
                    && SourceOffsets.read(offsetOf("alter")).done(), () -> connect.connectorOffsets("alter").offsets());

            connect.stopConnector("alter");
            connect.assertions().assertConnectorIsStopped("alter", "the connector stops");
            Map<String, ?> partition = SourceOffsets.partition("alter", "items", "a");
            // Offset paging: the token is the offset; read again from record 80.
            connect.alterSourceConnectorOffset("alter", partition, SourceOffsets.at(Position.startingAt("80")));
            assertThat(SourceOffsets.read(offsetOf("alter")).position().token()).contains("80");
            connect.resumeConnector("alter");

            List<String> ids = idsUntil(connect, "alter-items", false, WAIT, got -> got.size() >= 120);
            assertThat(ids.subList(100, 120)).containsExactlyElementsOf(api.records().ids().subList(80, 100));
        }
    }

    @Test
    void invalidOffsetsAreRefusedThroughRest() throws Exception {
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(10)).start()) {
            connect.configureConnector("refuse", connectorConfig("refuse", "refuse-items", api, "refuse"));
            idsUntil(connect, "refuse-items", false, WAIT, got -> got.size() >= 10);
            connect.stopConnector("refuse");
            connect.assertions().assertConnectorIsStopped("refuse", "the connector stops");

            ConnectorOffsets bad = new ConnectorOffsets(List.of(new ConnectorOffset(
                    Map.of("connector", "refuse", "stream", "items", "tenant", "a"), Map.of("position", "page 3"))));
            try {
                connect.alterConnectorOffsets("refuse", bad);
                throw new AssertionError("an offset without \"inlet\": 1 was accepted");
            } catch (org.apache.kafka.connect.errors.ConnectException refused) {
                assertThat(refused.getMessage()).contains("\\\"inlet\\\": 1");
            }
        }
    }

    @Test
    void aWorkerLostMidSyncDuplicatesAtMostOnePage() throws Exception {
        int pageSize = 25;
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(1000)).start()) {
            Map<String, String> props = connectorConfig("crash", "crash-items", api, "crash");
            props.put("inlet.tenant.a.input.rate", "10");
            connect.configureConnector("crash", props);
            idsUntil(connect, "crash-items", false, WAIT, got -> got.size() >= 200);

            WorkerHandle running = ClusterRecords.workerOfTask(connect, "crash");
            connect.removeWorker(running);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("crash", 1, "the task moves");

            List<String> ids = idsUntil(connect, "crash-items", false, WAIT,
                    got -> new HashSet<>(got).containsAll(api.records().ids()));
            Set<String> distinct = new HashSet<>(ids);
            assertThat(distinct).hasSize(1000);
            System.out.println("at-least-once: duplicates after a lost worker: " + (ids.size() - distinct.size()));
            assertThat(ids.size() - distinct.size()).as("duplicates").isLessThanOrEqualTo(pageSize);
        }
    }

    @Test
    void tenantsOfOneAccountShareATaskAndItsLimitWithNo429() throws Exception {
        try (FakeApi shared = FakeApi.builder().records(RecordSet.generate(150)).rateLimit(6, Duration.ofSeconds(1))
                .start()) {
            Map<String, String> props = connectorConfig("limits", "limits-items", shared, "account-1");
            props.put("tasks.max", "3");
            props.put("inlet.tenants", "a,b,c");
            for (String tenant : List.of("a", "b", "c")) {
                props.put("inlet.tenant." + tenant + ".input.url", shared.baseUrl());
                props.put("inlet.tenant." + tenant + ".input.path", shared.path());
                props.put("inlet.tenant." + tenant + ".input.key", "account-1");
                props.put("inlet.tenant." + tenant + ".input.rate", "4");
            }
            connect.configureConnector("limits", props);

            List<String> ids = idsUntil(connect, "limits-items", false, WAIT, got -> got.size() >= 450);

            assertThat(connect.taskConfigs("limits")).as("one account, one task").hasSize(1);
            assertThat(new HashSet<>(ids)).containsExactlyInAnyOrderElementsOf(shared.records().ids());
            assertThat(shared.requests()).extracting(RecordedRequest::status).doesNotContain(429);
        }
    }
}
