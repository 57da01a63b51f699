package dev.inlet.kafka.connect;

import static dev.inlet.kafka.connect.ClusterRecords.idsUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.RecordSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connector on an embedded Connect cluster with exactly-once source support (KIP-618) enabled. */
@Timeout(180)
class ExactlyOnceClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startCluster() {
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("exactly.once.source.support", "enabled");
        workerProps.put("plugin.discovery", "service_load");
        workerProps.put("scheduled.rebalance.max.delay.ms", "1000");
        // Offsets are committed with each page's transaction, not by the periodic flush.
        workerProps.put("offset.flush.interval.ms", "600000");
        Properties brokerProps = new Properties();
        brokerProps.put("transaction.state.log.replication.factor", "1");
        brokerProps.put("transaction.state.log.min.isr", "1");
        connect = new EmbeddedConnectCluster.Builder().name("inlet-eos").numWorkers(2).numBrokers(1)
                .workerProps(workerProps).brokerProps(brokerProps).build();
        connect.start();
    }

    @AfterAll
    static void stopCluster() {
        if (connect != null) {
            connect.stop();
        }
    }

    @Test
    void aWorkerLostMidSyncDuplicatesNothing() throws Exception {
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(1000)).start()) {
            Map<String, String> props = ConnectClusterTest.connectorConfig("eos", "eos-items", api, "eos");
            props.put("inlet.tenant.a.input.rate", "10");
            props.put("exactly.once.support", "required");
            props.put("transaction.boundary", "connector");
            connect.configureConnector("eos", props);
            idsUntil(connect, "eos-items", true, WAIT, got -> got.size() >= 200);

            WorkerHandle running = ClusterRecords.workerOfTask(connect, "eos");
            connect.removeWorker(running);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("eos", 1, "the task moves");

            List<String> ids = idsUntil(connect, "eos-items", true, WAIT,
                    got -> new HashSet<>(got).containsAll(api.records().ids()));
            System.out.println("exactly-once: duplicates after a lost worker: " + (ids.size() - new HashSet<>(ids).size()));
            assertThat(ids).containsExactlyElementsOf(api.records().ids());
        }
    }
}
