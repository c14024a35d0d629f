package io.gridkeeper.it.migration;

import static io.gridkeeper.it.migration.MigrationCluster.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridkeeper.migration.control.DecisionRecord;
import io.gridkeeper.migration.control.HoldRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The leader member dies (in this JVM, {@code terminate()}: no graceful leave) while the cluster holds migrations; the
 * new leader takes a higher epoch, resumes the hold from ZooKeeper and rebalances at its deadline.
 */
final class LeaderFailoverTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int ENTRIES = 2_000;

    @Test
    void leaderDiesDuringHold_newLeaderWithHigherEpochHonoursTheDeadline() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of("policy", "delayed", "grace-seconds", "12"))) {
            HazelcastInstance leader = cluster.member("a");
            HazelcastInstance survivor = cluster.member("b");
            cluster.member("c");
            await().atMost(TIMEOUT)
                    .until(() -> survivor.getCluster().getMembers().size() == 3);
            IMap<Integer, String> map = survivor.getMap(Members.MAP);
            IntStream.range(0, ENTRIES).forEach(i -> map.set(i, "v" + i));
            HoldRecord balanced = await().atMost(TIMEOUT)
                    .until(
                            () -> cluster.hold()
                                    .filter(h -> h.isHold()
                                            && h.departures().isEmpty()
                                            && h.arrivals().isEmpty()
                                            && h.baseline().size() == 3)
                                    .orElse(null),
                            h -> h != null && state(survivor) == ClusterState.NO_MIGRATION);
            assertThat(balanced.leader()).isEqualTo("a");

            leader.getLifecycleService().terminate();

            HoldRecord resumed = await().atMost(TIMEOUT)
                    .until(
                            () -> cluster.hold()
                                    .filter(h -> h.isHold()
                                            && h.departures().stream()
                                                    .anyMatch(d -> d.nodeId().equals("a")))
                                    .orElse(null),
                            h -> h != null);
            assertThat(resumed.epoch()).isGreaterThan(balanced.epoch());
            assertThat(resumed.leader()).isNotEqualTo("a");
            DecisionRecord rebalance = await().atMost(TIMEOUT)
                    .until(
                            () -> cluster.decisions().stream()
                                    .filter(d ->
                                            d.isRebalance() && d.explanation().startsWith("members [a] still missing"))
                                    .findFirst()
                                    .orElse(null),
                            d -> d != null);
            assertThat(rebalance.epoch()).isEqualTo(resumed.epoch());
            assertThat(Instant.ofEpochMilli(rebalance.atMillis())).isAfterOrEqualTo(resumed.until());
            await().atMost(TIMEOUT).until(() -> survivor.getPartitionService().isClusterSafe());
            assertThat(map.size()).isEqualTo(ENTRIES);
        }
    }
}
