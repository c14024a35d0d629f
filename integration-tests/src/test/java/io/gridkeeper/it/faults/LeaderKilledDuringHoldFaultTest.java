package io.gridkeeper.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridkeeper.migration.control.MigrationZnodes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.cache.Cache;
import org.junit.jupiter.api.Test;

/**
 * An operator hold is in force when the leader is killed with -9: another member takes a newer epoch and the
 * cluster has every backup again (the hold has ended) by the hold's deadline plus a bounded margin, with no
 * acknowledged write lost.
 */
final class LeaderKilledDuringHoldFaultTest {

    private static final List<String> NODES = List.of("node-a", "node-b", "node-c");
    private static final Duration HOLD = Duration.ofSeconds(20);
    /** Time for the new leader's next decision round and the rebalance itself on 2 slow cores. */
    private static final Duration MARGIN = Duration.ofSeconds(45);

    @Test
    void leaderKilledDuringHold_holdEndsByItsDeadline() throws Exception {
        try (FaultCluster cluster = new FaultCluster()) {
            Cache<String, Long> cache = cluster.startHealthy(NODES);
            Epochs before = cluster.awaitEpochs();
            String faults = "kill -9 of the leader during a " + HOLD.toSeconds() + " s operator hold";
            FaultScenario.run("leader killed during a hold", faults, cache, workload -> {
                workload.awaitProgress(100);
                Instant now = Instant.now();
                Instant deadline = now.plus(HOLD);
                MigrationZnodes.holdUntil(cluster.observer, cluster.clusterPath, now, deadline, "fault suite");
                assertThat(MigrationZnodes.readCommands(cluster.observer, cluster.clusterPath)
                                .orElseThrow()
                                .holdUntilMillis())
                        .isEqualTo(deadline.toEpochMilli());
                long killedAt = System.nanoTime();
                cluster.member(before.nodeId()).kill();

                await("new leader and every backup back by the hold's deadline")
                        .atMost(Duration.between(Instant.now(), deadline).plus(MARGIN))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> Epochs.read(cluster.observer, cluster.clusterPath)
                                        .map(epochs -> epochs.epoch() > before.epoch()
                                                && !epochs.nodeId().equals(before.nodeId()))
                                        .orElse(false)
                                && cluster.clientMembers() == NODES.size() - 1
                                && cluster.clusterSafe());
                return Duration.ofNanos(System.nanoTime() - killedAt);
            });
        }
    }
}
