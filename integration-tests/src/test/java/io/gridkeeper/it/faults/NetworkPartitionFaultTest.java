package io.gridkeeper.it.faults;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.gridkeeper.it.fixture.NetworkLab;
import io.gridkeeper.zookeeper.splitbrain.ZookeeperSplitBrainProtectionFunction;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheException;
import org.junit.jupiter.api.Test;

/**
 * A real network partition between members: three member JVMs, each in its own network namespace with its own address
 * ({@link NetworkLab}), are cut into {node-a, node-b} | {node-c} by blackhole routes. In the first case ZooKeeper (an
 * ensemble of 3 in the root namespace) stays reachable from every namespace, so the minority member <b>keeps its
 * ZooKeeper session</b>: the case a member-count function also handles, and the one the registry function must get
 * right by counting the members it sees (1) against those registered (3), not by its own session. In the second case
 * node-c loses ZooKeeper too, and its registration expires during the partition.
 *
 * <p>The cache {@value FaultCluster#CACHE} is protected by {@link ZookeeperSplitBrainProtectionFunction} through the
 * documented hazelcast.yaml. The writers' client reaches the cluster through node-a only (single-member routing): it
 * stands for an application on the majority side of the cut. A second client, connected only to node-c, stands for an
 * application stranded with the minority: once node-c sees itself alone its writes fail with {@link
 * SplitBrainProtectionException}, while the majority keeps acknowledging writes. After healing, node-c merges back
 * (Hazelcast's split-brain merge, first run after 5 s here) and every write the majority acknowledged is there.
 */
final class NetworkPartitionFaultTest {

    /** How long the partition lasts once the minority rejects writes; the long profile raises it. */
    private static final Duration PARTITION =
            Duration.ofSeconds(Long.getLong("gridkeeper.faults.partition-seconds", 5));

    private static final String MINORITY = "node-c";

    private static final String MEMBER_YAML =
            """
            hazelcast:
              split-brain-protection:
                zookeeper-registry:
                  enabled: true
                  protect-on: WRITE
                  minimum-cluster-size: 2
                  function-class-name: %s
              map:
                %s:
                  backup-count: 1
                  split-brain-protection-ref: zookeeper-registry
            """.formatted(ZookeeperSplitBrainProtectionFunction.class.getName(), FaultCluster.CACHE);

    @Test
    void minorityCutOffKeepingZookeeper_protectedCache_rejectsMinorityWritesAndMergesWithoutLoss() throws Exception {
        partitionScenario(false);
    }

    @Test
    void minorityCutOffFromMembersAndZookeeper_protectedCache_rejectsMinorityWritesAndMergesWithoutLoss()
            throws Exception {
        partitionScenario(true);
    }

    /**
     * Cuts node-c off from node-a and node-b and, when {@code minorityLosesZookeeper}, from ZooKeeper too (its session
     * expires; the majority then counts 2 of 2 registered). Clients in the root namespace reach every member either way.
     */
    private static void partitionScenario(boolean minorityLosesZookeeper) throws Exception {
        try (NamespaceCluster cluster = new NamespaceCluster(List.of("a", "b", "c"), MEMBER_YAML)) {
            List.of("a", "b", "c").forEach(cluster::startMember);
            HazelcastInstance writersClient = cluster.client("a");
            Cache<String, Long> cache = cluster.cache(writersClient, FaultCluster.CACHE);
            await("3 members, registered and safe")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> writersClient.getCluster().getMembers().size() == 3
                            && cluster.registered().size() == 3
                            && SafetyProbe.clusterSafe(writersClient));
            HazelcastInstance minorityClient = cluster.client("c");
            Cache<String, Long> minorityCache = cluster.cache(minorityClient, FaultCluster.CACHE);
            minorityCache.put("probe", 0L);

            String scenario = minorityLosesZookeeper
                    ? "network partition, minority also loses ZooKeeper"
                    : "network partition, minority keeps ZooKeeper";
            String faults = "node-c cut off from node-a/node-b" + (minorityLosesZookeeper ? " and ZooKeeper" : "")
                    + " for " + PARTITION.toSeconds() + " s after it rejected writes (netns blackhole routes)";
            FaultScenario.run(scenario, faults, cache, workload -> {
                workload.awaitProgress(100);

                cluster.lab.partition(Set.of("a", "b"), Set.of("c"));
                if (minorityLosesZookeeper) {
                    cluster.lab.cutFromServices("c");
                }

                await("node-c rejects writes to the protected cache")
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .ignoreExceptionsInstanceOf(AssertionError.class)
                        .untilAsserted(() -> assertThatThrownBy(() -> minorityCache.put("probe", 1L))
                                .isInstanceOf(CacheException.class)
                                .hasCauseInstanceOf(SplitBrainProtectionException.class));
                await("the majority sees 2 members")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> writersClient.getCluster().getMembers().size() == 2);
                workload.awaitProgress(100);
                if (minorityLosesZookeeper) {
                    // node-c's session expires: the majority is then 2 of 2 registered members
                    await("node-c's registration expired")
                            .atMost(Duration.ofSeconds(60))
                            .until(() -> !cluster.registered().contains(MINORITY));
                    workload.awaitProgress(100);
                }
                // for the whole partition node-c keeps rejecting writes, and keeps its registration if it kept
                // ZooKeeper
                int registeredDuringPartition = minorityLosesZookeeper ? 2 : 3;
                await().during(PARTITION)
                        .atMost(PARTITION.plusSeconds(30))
                        .until(() -> cluster.registered().size() == registeredDuringPartition);
                assertThatThrownBy(() -> minorityCache.put("probe", 2L))
                        .hasCauseInstanceOf(SplitBrainProtectionException.class);
                minorityClient.shutdown();

                long healedAt = System.nanoTime();
                cluster.lab.heal();

                await("node-c merged back: 3 members, registered and safe")
                        .atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> writersClient.getCluster().getMembers().size() == 3
                                && cluster.registered().size() == 3
                                && SafetyProbe.clusterSafe(writersClient));
                Duration recovery = Duration.ofNanos(System.nanoTime() - healedAt);
                Cache<String, Long> mergedCache = cluster.cache(cluster.client("c"), FaultCluster.CACHE);
                await("node-c accepts writes again")
                        .atMost(Duration.ofSeconds(60))
                        .ignoreExceptions()
                        .untilAsserted(() -> mergedCache.put("probe", 3L));
                return recovery;
            });
        }
    }
}
