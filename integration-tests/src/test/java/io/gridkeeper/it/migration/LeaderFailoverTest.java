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

/**
 * The leader runs in its own JVM ({@link MemberProcess}, started first so it wins the election) and dies for real
 * while the cluster holds migrations: killed with SIGKILL, the new leader takes a higher epoch, resumes the hold from
 * ZooKeeper and ends it at its deadline; frozen with SIGSTOP past its ZooKeeper session and thawed, the stale leader
 * records and changes nothing.
 */
final class LeaderFailoverTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** How late past its stored deadline the new leader may end a hold: ticks, the journal write, the state change. */
    private static final Duration DEADLINE_TOLERANCE = Duration.ofSeconds(20);

    private static final int ENTRIES = 2_000;

    @Test
    void leaderKilledDuringHold_newLeaderWithHigherEpochEndsTheHoldAtTheDeadline() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of("policy", "delayed", "grace-seconds", "12"))) {
            MemberProcess leader = cluster.process("a", Members.freePort());
            HazelcastInstance survivor = cluster.member("b");
            cluster.member("c");
            IMap<Integer, String> map = fill(survivor);
            HoldRecord balanced = awaitArmed(cluster, survivor, "a");

            leader.kill();

            HoldRecord resumed = await().atMost(TIMEOUT)
                    .until(
                            () -> cluster.hold()
                                    .filter(h -> h.isHold()
                                            && h.departures().stream()
                                                    .anyMatch(d -> d.nodeId().equals("a")))
                                    .orElse(null),
                            h -> h != null);
            assertThat(resumed.epoch()).isGreaterThan(balanced.epoch());
            assertThat(resumed.leader()).isIn("b", "c");
            DecisionRecord rebalance = await().atMost(TIMEOUT)
                    .until(
                            () -> cluster.decisions().stream()
                                    .filter(d ->
                                            d.isRebalance() && d.explanation().startsWith("members [a] still missing"))
                                    .findFirst()
                                    .orElse(null),
                            d -> d != null);
            assertThat(rebalance.epoch()).isEqualTo(resumed.epoch());
            assertThat(Instant.ofEpochMilli(rebalance.atMillis()))
                    .isBetween(resumed.until(), resumed.until().plus(DEADLINE_TOLERANCE));
            // The new leader applied it: the cluster rebalanced without [a] and was armed again.
            await().atMost(TIMEOUT)
                    .until(() -> cluster.hold()
                                    .filter(h -> h.isHold()
                                            && h.epoch() == resumed.epoch()
                                            && h.baseline().equals(List.of("b", "c")))
                                    .isPresent()
                            && survivor.getPartitionService().isClusterSafe());
            assertThat(map.size()).isEqualTo(ENTRIES);
            assertThat(IntStream.range(0, ENTRIES).filter(i -> !("v" + i).equals(map.get(i))))
                    .isEmpty();
        }
    }

    @Test
    void leaderFrozenPastItsSession_newLeaderTakesOverAndTheThawedStaleLeaderChangesNothing() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of("policy", "delayed", "grace-seconds", "600"))) {
            MemberProcess leader = cluster.process("a", Members.freePort());
            HazelcastInstance survivor = cluster.member("b");
            cluster.member("c");
            IMap<Integer, String> map = fill(survivor);
            HoldRecord balanced = awaitArmed(cluster, survivor, "a");

            leader.freeze();

            // The ZooKeeper session (6 s) expires; Hazelcast keeps the silent member for its 60 s heartbeat timeout.
            HoldRecord taken = await().atMost(TIMEOUT)
                    .until(
                            () -> cluster.hold()
                                    .filter(h -> h.epoch() > balanced.epoch())
                                    .orElse(null),
                            h -> h != null);
            assertThat(taken.leader()).isIn("b", "c");
            long staleDecisions = decisionsOfEpoch(cluster, balanced.epoch());

            leader.thaw();

            await("the thawed member notices that its term is over, log " + leader.output())
                    .atMost(TIMEOUT)
                    .until(() -> leader.output().contains("gave up leadership of epoch [" + balanced.epoch() + "]"));
            await().during(Duration.ofSeconds(5))
                    .atMost(TIMEOUT)
                    .until(() -> decisionsOfEpoch(cluster, balanced.epoch()) == staleDecisions
                            && cluster.hold()
                                    .filter(h -> h.epoch() == taken.epoch() && h.isHold())
                                    .isPresent()
                            && state(survivor) == ClusterState.NO_MIGRATION);
            assertThat(cluster.decisions())
                    .noneMatch(d -> d.epoch() == balanced.epoch()
                            && d.leader().equals("a")
                            && d.atMillis() > taken.decidedAtMillis());
            assertThat(map.size()).isEqualTo(ENTRIES);
        }
    }

    private static IMap<Integer, String> fill(HazelcastInstance member) {
        await().atMost(TIMEOUT).until(() -> member.getCluster().getMembers().size() == 3);
        IMap<Integer, String> map = member.getMap(Members.MAP);
        IntStream.range(0, ENTRIES).forEach(i -> map.set(i, "v" + i));
        return map;
    }

    /** Waits until {@code leader} holds the balanced 3-member cluster armed in NO_MIGRATION. */
    private static HoldRecord awaitArmed(MigrationCluster cluster, HazelcastInstance member, String leader) {
        HoldRecord balanced = await().atMost(TIMEOUT)
                .until(
                        () -> cluster.hold()
                                .filter(h -> h.isHold()
                                        && h.departures().isEmpty()
                                        && h.arrivals().isEmpty()
                                        && h.baseline().size() == 3)
                                .orElse(null),
                        h -> h != null && state(member) == ClusterState.NO_MIGRATION);
        assertThat(balanced.leader()).isEqualTo(leader);
        return balanced;
    }

    private static long decisionsOfEpoch(MigrationCluster cluster, long epoch) {
        List<DecisionRecord> decisions = cluster.decisions();
        return decisions.stream().filter(d -> d.epoch() == epoch).count();
    }
}
