package io.gridkeeper.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.cache.Cache;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.Test;

/**
 * Two of the three ZooKeeper servers die (no quorum) while writers run: cache operations keep succeeding throughout,
 * and once the servers are back every member is registered again and a leader holds a newer epoch. Outage length:
 * {@code -Dgridkeeper.faults.quorum-loss-seconds} (12 in the default build, 60 in {@code -Pfaults-long}).
 */
final class ZookeeperQuorumLossFaultTest {

    private static final int OUTAGE_SECONDS = Integer.getInteger("gridkeeper.faults.quorum-loss-seconds", 12);
    private static final List<String> NODES = List.of("node-a", "node-b", "node-c");

    @Test
    void quorumLost_cacheOperationsKeepSucceeding_discoveryAndLeaderRecover() throws Exception {
        try (FaultCluster cluster = new FaultCluster()) {
            Cache<String, Long> cache = cluster.startHealthy(NODES);
            long epochBefore = cluster.awaitEpochs().epoch();
            TestingCluster ensemble = cluster.zookeeper.ensemble();
            List<InstanceSpec> stopped = new ArrayList<>(ensemble.getInstances()).subList(0, 2);
            String faults = "2 of 3 ZooKeeper servers down for " + OUTAGE_SECONDS + " s";
            FaultScenario.run("ZooKeeper quorum loss", faults, cache, workload -> {
                workload.awaitProgress(100);
                long failuresBefore = workload.failures();
                for (InstanceSpec server : stopped) {
                    ensemble.killServer(server);
                }
                long acknowledgedAtLoss = workload.acknowledged();

                // cache operations keep succeeding during the whole outage
                await().during(Duration.ofSeconds(OUTAGE_SECONDS))
                        .atMost(Duration.ofSeconds(OUTAGE_SECONDS + 60L))
                        .until(() -> workload.failures() == failuresBefore);
                assertThat(workload.acknowledged()).isGreaterThan(acknowledgedAtLoss + 100);

                long restoredAt = System.nanoTime();
                for (InstanceSpec server : stopped) {
                    ensemble.restartServer(server);
                }
                await("registry and leader recovered")
                        .atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> cluster.registered().size() == NODES.size()
                                && Epochs.read(cluster.observer, cluster.clusterPath)
                                        .map(epochs -> epochs.epoch() > epochBefore)
                                        .orElse(false));
                Duration recovery = Duration.ofNanos(System.nanoTime() - restoredAt);
                assertThat(cluster.registered()).containsExactlyInAnyOrderElementsOf(NODES);
                return recovery;
            });
        }
    }
}
