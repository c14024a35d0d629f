package io.gridkeeper.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridkeeper.it.fixture.MemberJvm;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.junit.jupiter.api.Test;

/**
 * The leader's ZooKeeper session expires: its JVM is frozen (SIGSTOP) past the 10 s session timeout but well inside
 * Hazelcast's 60 s heartbeat limit, then thawed. Leadership moves to another member with a newer epoch, the member
 * registers again exactly once under its node id, and no acknowledged write is lost.
 */
final class SessionExpiryFaultTest {

    private static final List<String> NODES = List.of("node-a", "node-b", "node-c");

    @Test
    void leaderSessionExpires_memberRegistersOnce_leadershipMovesWithNewEpoch() throws Exception {
        try (FaultCluster cluster = new FaultCluster();
                CuratorCache registry = CuratorCache.build(cluster.observer, cluster.clusterPath + "/members")) {
            Cache<String, Long> cache = cluster.startHealthy(NODES);
            Epochs before = cluster.awaitEpochs();
            String victim = before.nodeId();
            MemberJvm leader = cluster.member(victim);
            AtomicInteger creations = new AtomicInteger();
            CountDownLatch initialized = new CountDownLatch(1);
            registry.listenable()
                    .addListener(CuratorCacheListener.builder()
                            .forCreates(node -> {
                                if (initialized.getCount() == 0
                                        && node.getPath().endsWith("/" + victim)) {
                                    creations.incrementAndGet();
                                }
                            })
                            .forInitialized(initialized::countDown)
                            .build());
            registry.start();
            assertThat(initialized.await(30, TimeUnit.SECONDS)).isTrue();

            FaultScenario.run(
                    "session expiry of the leader",
                    "leader JVM frozen past its 10 s ZooKeeper session",
                    cache,
                    workload -> {
                        workload.awaitProgress(100);
                        long frozenAt = System.nanoTime();
                        leader.freeze();
                        try {
                            await("session of " + victim + " expired and leadership moved")
                                    .atMost(Duration.ofSeconds(45))
                                    .pollInterval(Duration.ofMillis(250))
                                    .until(() -> !cluster.registered().contains(victim)
                                            && Epochs.read(cluster.observer, cluster.clusterPath)
                                                    .map(epochs -> epochs.epoch() > before.epoch()
                                                            && !epochs.nodeId().equals(victim))
                                                    .orElse(false));
                        } finally {
                            leader.thaw();
                        }
                        await("member " + victim + " registered again")
                                .atMost(Duration.ofSeconds(60))
                                .until(() -> cluster.registered().contains(victim));
                        Duration recovery = Duration.ofNanos(System.nanoTime() - frozenAt);
                        await().during(Duration.ofSeconds(3))
                                .atMost(Duration.ofSeconds(30))
                                .until(() -> creations.get() == 1);
                        assertThat(cluster.registered()).containsExactlyInAnyOrderElementsOf(NODES);
                        cluster.awaitHealthy(NODES.size());
                        return recovery;
                    });
        }
    }
}
