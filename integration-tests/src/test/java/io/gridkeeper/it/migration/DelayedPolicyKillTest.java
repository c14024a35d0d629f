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
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The delayed policy against a member JVM killed with SIGKILL, with 2 members in this JVM that hold the data. */
final class DelayedPolicyKillTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int ENTRIES = 5_000;

    @Test
    void killedMemberBackWithinGrace_oneRebalanceAndNoLoss() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of("policy", "delayed", "grace-seconds", "90"))) {
            HazelcastInstance member = cluster.member("a");
            cluster.member("b");
            int port = Members.freePort();
            MemberProcess killed = cluster.process("c", port);
            IMap<Integer, String> map = fill(member);
            awaitBalanced(cluster, member, List.of("a", "b", "c"));
            int before = cluster.decisions().size();

            killed.kill();

            HoldRecord hold = awaitHoldFor(cluster, "c");
            assertThat(hold.policy()).isEqualTo("delayed");
            assertThat(state(member)).isEqualTo(ClusterState.NO_MIGRATION);
            assertThat(map.size()).isEqualTo(ENTRIES);

            cluster.process("c", port);

            awaitBalanced(cluster, member, List.of("a", "b", "c"));
            List<DecisionRecord> after = cluster.decisionsAfter(before);
            assertThat(after)
                    .filteredOn(DecisionRecord::isRebalance)
                    .singleElement()
                    .satisfies(rebalance -> {
                        assertThat(rebalance.policy()).isEqualTo("delayed");
                        assertThat(rebalance.explanation())
                                .startsWith("members [c] returned within [grace-seconds=90]");
                    });
            assertThat(map.size()).isEqualTo(ENTRIES);
            assertThat(IntStream.range(0, ENTRIES).filter(i -> !("v" + i).equals(map.get(i))))
                    .isEmpty();
        }
    }

    @Test
    void killedMemberNotBack_rebalanceAtTheDeadlineAndNoLoss() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of("policy", "delayed", "grace-seconds", "10"))) {
            HazelcastInstance member = cluster.member("a");
            cluster.member("b");
            MemberProcess killed = cluster.process("c", Members.freePort());
            IMap<Integer, String> map = fill(member);
            awaitBalanced(cluster, member, List.of("a", "b", "c"));
            int before = cluster.decisions().size();

            killed.kill();

            Instant deadline = awaitHoldFor(cluster, "c").until();
            awaitBalanced(cluster, member, List.of("a", "b"));
            List<DecisionRecord> after = cluster.decisionsAfter(before);
            assertThat(after)
                    .filteredOn(DecisionRecord::isRebalance)
                    .singleElement()
                    .satisfies(rebalance -> {
                        assertThat(rebalance.policy()).isEqualTo("delayed");
                        assertThat(rebalance.explanation())
                                .startsWith("members [c] still missing")
                                .endsWith("the limit [grace-seconds=10]");
                        assertThat(Instant.ofEpochMilli(rebalance.atMillis())).isAfterOrEqualTo(deadline);
                    });
            assertThat(map.size()).isEqualTo(ENTRIES);
        }
    }

    private static IMap<Integer, String> fill(HazelcastInstance member) {
        await().atMost(TIMEOUT).until(() -> member.getCluster().getMembers().size() == 3);
        IMap<Integer, String> map = member.getMap(Members.MAP);
        IntStream.range(0, ENTRIES).forEach(i -> map.set(i, "v" + i));
        return map;
    }

    /** Waits until the cluster is balanced with {@code nodeIds}, safe, and armed again (NO_MIGRATION). */
    private static void awaitBalanced(MigrationCluster cluster, HazelcastInstance member, List<String> nodeIds) {
        await().atMost(TIMEOUT)
                .until(() -> cluster.hold()
                                .filter(hold -> hold.isHold()
                                        && hold.baseline().equals(nodeIds)
                                        && hold.departures().isEmpty()
                                        && hold.arrivals().isEmpty())
                                .isPresent()
                        && state(member) == ClusterState.NO_MIGRATION
                        && member.getPartitionService().isClusterSafe());
    }

    private static HoldRecord awaitHoldFor(MigrationCluster cluster, String nodeId) {
        return await().atMost(TIMEOUT)
                .until(
                        () -> cluster.hold()
                                .filter(hold -> hold.isHold()
                                        && hold.departures().stream()
                                                .anyMatch(d -> d.nodeId().equals(nodeId)))
                                .orElse(null),
                        hold -> hold != null);
    }
}
