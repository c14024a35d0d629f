package io.gridkeeper.it.faults;

import static org.awaitility.Awaitility.await;

import io.gridkeeper.migration.control.MigrationZnodes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.cache.Cache;
import org.junit.jupiter.api.Test;

/**
 * kill -9 one member at a time while writers run through the JCache adapter; the killed member comes back with its
 * node id, and the next round starts once every backup is back. Rounds: {@code -Dgridkeeper.faults.kill-rounds}
 * (2 in the default build, 5 in {@code -Pfaults-long}).
 */
final class KillMemberFaultTest {

    private static final int ROUNDS = Integer.getInteger("gridkeeper.faults.kill-rounds", 2);
    private static final List<String> NODES = List.of("node-a", "node-b", "node-c");

    @Test
    void killNine_defaultPolicy_noAcknowledgedWriteLost() throws Exception {
        run("kill -9, default policy", Map.of());
    }

    @Test
    void killNine_delayedPolicy_noAcknowledgedWriteLost() throws Exception {
        run("kill -9, delayed policy", Map.of("policy", "delayed", "grace-seconds", "5"));
    }

    private static void run(String scenario, Map<String, String> policy) throws Exception {
        try (FaultCluster cluster = new FaultCluster()) {
            NODES.forEach(cluster::startMember);
            if (!policy.isEmpty()) {
                MigrationZnodes.setPolicy(cluster.observer, cluster.clusterPath, policy);
            }
            Cache<String, Long> cache = cluster.cache();
            cluster.awaitHealthy(NODES.size());
            FaultScenario.run(scenario, ROUNDS + " x kill -9 of one of 3 members (backup-count 1)", cache, workload -> {
                Duration worstRecovery = Duration.ZERO;
                for (int round = 0; round < ROUNDS; round++) {
                    String victim = NODES.get(round % NODES.size());
                    workload.awaitProgress(100);
                    long killedAt = System.nanoTime();
                    cluster.member(victim).kill();
                    await().atMost(Duration.ofSeconds(90)).until(() -> cluster.clientMembers() == NODES.size() - 1);
                    cluster.startMember(victim);
                    cluster.awaitHealthy(NODES.size());
                    Duration recovery = Duration.ofNanos(System.nanoTime() - killedAt);
                    worstRecovery = recovery.compareTo(worstRecovery) > 0 ? recovery : worstRecovery;
                }
                return worstRecovery;
            });
        }
    }
}
