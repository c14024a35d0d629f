package io.gridkeeper.it.migration;

import static io.gridkeeper.it.migration.MigrationCluster.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridkeeper.migration.Decision;
import io.gridkeeper.migration.control.DecisionRecord;
import io.gridkeeper.migration.control.HoldRecord;
import io.gridkeeper.migration.control.MigrationController;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The {@code load-aware} policy end to end: members in this JVM, a real ZooKeeper, real map traffic as the load and the
 * real signal, each member's executed-operation count that its controller publishes every 5 s in {@code
 * migration/load/<nodeId>} and the leader sums. The traffic runs {@value #TRAFFIC_PER_SECOND} sets per second (an
 * owner and a backup operation each) against {@code max-operations-per-second=1000}; an idle cluster executes a few
 * operations per second. The members share this JVM's process CPU, so {@code max-cpu-percent=100} leaves the CPU rule
 * out.
 */
final class LoadAwarePolicyJoinTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int ENTRIES = 1_000;
    private static final int TRAFFIC_PER_SECOND = 3_000;
    private static final String THRESHOLDS = "[max-operations-per-second=1000] [max-cpu-percent=100]";

    @Test
    void memberJoinsWhileBusy_heldUntilLoadDrops_thenRebalancesOntoIt() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(settings(600))) {
            HazelcastInstance a = cluster.member("a");
            HazelcastInstance b = cluster.member("b");
            IMap<Integer, String> map = fillAndAwaitBalanced(cluster, a);
            HazelcastInstance c;
            int before;
            try (Traffic traffic = new Traffic(map)) {
                awaitBusyHold(cluster, "no pending changes");
                before = cluster.decisions().size();

                c = cluster.member("c");

                HoldRecord hold = awaitBusyHold(cluster, "joined [c]");
                assertThat(hold.arrivals())
                        .extracting(HoldRecord.PendingChange::nodeId)
                        .containsExactly("c");
                // still held once every member, the new one too, has published a sample
                List<HazelcastInstance> members = List.of(a, b, c);
                await("held on the samples of 3 members").atMost(TIMEOUT).until(() -> leaderDecision(members)
                        .filter(decision -> decision.isHold()
                                && decision.explanation().contains("over [3] members")
                                && decision.explanation().contains("joined [c]"))
                        .isPresent());
                assertThat(state(a)).isEqualTo(ClusterState.NO_MIGRATION);
                assertThat(owned(c)).isZero();
                assertThat(traffic.running()).isTrue();
            }

            await("rebalanced onto c once the traffic stopped")
                    .atMost(TIMEOUT)
                    .until(() -> owned(c) > 0
                            && state(a) == ClusterState.ACTIVE
                            && a.getPartitionService().isClusterSafe());
            List<DecisionRecord> after = cluster.decisionsAfter(before);
            assertThat(after).filteredOn(DecisionRecord::isRebalance).first().satisfies(rebalance -> {
                assertThat(rebalance.policy()).isEqualTo("load-aware");
                assertThat(rebalance.explanation()).contains(" within " + THRESHOLDS + "; joined [c]");
            });
            assertContents(map);
        }
    }

    @Test
    void memberJoinsWhileBusy_loadStaysHigh_rebalancesAtMaxDefer() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(settings(15))) {
            HazelcastInstance a = cluster.member("a");
            cluster.member("b");
            IMap<Integer, String> map = fillAndAwaitBalanced(cluster, a);
            try (Traffic traffic = new Traffic(map)) {
                awaitBusyHold(cluster, "no pending changes");
                int before = cluster.decisions().size();

                HazelcastInstance c = cluster.member("c");

                await("rebalanced onto c while the traffic runs")
                        .atMost(TIMEOUT)
                        .until(() -> owned(c) > 0 && a.getPartitionService().isClusterSafe());
                assertThat(traffic.running()).isTrue();
                List<DecisionRecord> after = cluster.decisionsAfter(before);
                DecisionRecord hold = after.get(0);
                assertThat(hold.type()).isEqualTo("HOLD");
                assertThat(hold.explanation()).startsWith("cluster busy").contains("joined [c]");
                assertThat(after)
                        .filteredOn(DecisionRecord::isRebalance)
                        .first()
                        .satisfies(rebalance -> {
                            assertThat(rebalance.policy()).isEqualTo("load-aware");
                            assertThat(rebalance.explanation())
                                    .contains(" above " + THRESHOLDS + ", but changes pending since [")
                                    .endsWith("the limit [max-defer-seconds=15]");
                            assertThat(Instant.ofEpochMilli(rebalance.atMillis()))
                                    .isAfterOrEqualTo(Instant.ofEpochMilli(Objects.requireNonNull(hold.untilMillis())));
                        });
            }
            assertContents(map);
        }
    }

    private static Map<String, String> settings(long maxDeferSeconds) {
        return Map.of(
                "policy", "load-aware",
                "max-operations-per-second", "1000",
                "max-cpu-percent", "100",
                "max-defer-seconds", Long.toString(maxDeferSeconds));
    }

    /** Writes the entries (Hazelcast assigns the partitions on first use) and waits until a and b are balanced. */
    private static IMap<Integer, String> fillAndAwaitBalanced(MigrationCluster cluster, HazelcastInstance member) {
        await().atMost(TIMEOUT).until(() -> member.getCluster().getMembers().size() == 2);
        IMap<Integer, String> map = member.getMap(Members.MAP);
        IntStream.range(0, ENTRIES).forEach(i -> map.set(i, "v" + i));
        await("a and b balanced, quiet cluster active")
                .atMost(TIMEOUT)
                .until(() -> cluster.hold()
                                .filter(hold -> !hold.isHold()
                                        && hold.baseline().equals(List.of("a", "b"))
                                        && hold.arrivals().isEmpty())
                                .isPresent()
                        && state(member) == ClusterState.ACTIVE
                        && member.getPartitionService().isClusterSafe());
        return map;
    }

    /** Waits until the stored decision is a load-aware hold for a busy cluster naming {@code pending}. */
    private static HoldRecord awaitBusyHold(MigrationCluster cluster, String pending) {
        return await("busy hold with " + pending)
                .atMost(TIMEOUT)
                .until(
                        () -> cluster.hold()
                                .filter(hold -> hold.isHold()
                                        && hold.policy().equals("load-aware")
                                        && hold.explanation().startsWith("cluster busy, operation rate too high")
                                        && hold.explanation().contains(THRESHOLDS + "; " + pending))
                                .orElse(null),
                        Objects::nonNull);
    }

    /** The last decision of the member that leads. */
    private static Optional<Decision> leaderDecision(List<HazelcastInstance> members) {
        return members.stream()
                .filter(MigrationCluster::hasController)
                .map(MigrationCluster::controller)
                .filter(MigrationController::isLeader)
                .findFirst()
                .flatMap(MigrationController::lastDecision);
    }

    /** Partitions {@code member} owns. */
    private static long owned(HazelcastInstance member) {
        Member local = member.getCluster().getLocalMember();
        return member.getPartitionService().getPartitions().stream()
                .filter(partition -> local.equals(partition.getOwner()))
                .count();
    }

    private static void assertContents(IMap<Integer, String> map) {
        assertThat(map.size()).isEqualTo(ENTRIES);
        assertThat(IntStream.range(0, ENTRIES).filter(i -> !("v" + i).equals(map.get(i))))
                .isEmpty();
    }

    /** One thread that sets existing entries to their own values at a steady pace, until closed. */
    private static final class Traffic implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Traffic(IMap<Integer, String> map) {
            thread = new Thread(() -> run(map), "load-aware-traffic");
            thread.setDaemon(true);
            thread.start();
        }

        private void run(IMap<Integer, String> map) {
            long interval = TimeUnit.SECONDS.toNanos(1) / TRAFFIC_PER_SECOND;
            long next = System.nanoTime();
            while (running.get()) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    // pacing the load generator, not waiting for a condition
                    LockSupport.parkNanos(wait);
                }
                int key = ThreadLocalRandom.current().nextInt(ENTRIES);
                try {
                    map.set(key, "v" + key);
                } catch (RuntimeException e) {
                    // a set refused while members change is simply traffic that did not happen
                }
                next += interval;
            }
        }

        boolean running() {
            return running.get() && thread.isAlive();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
