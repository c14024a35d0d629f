package io.gridkeeper.it.migration;

import static io.gridkeeper.it.migration.MigrationCluster.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A member shuts down gracefully while a hold keeps partitions without backups: in {@code NO_MIGRATION} Hazelcast's
 * graceful shutdown would move nothing and lose the partitions whose only replica it holds; the migration service
 * restores {@code ACTIVE} and waits until the cluster is safe first.
 */
final class GracefulShutdownTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int ENTRIES = 3_000;

    @Test
    void gracefulShutdownWhileBackupsMissing_restoresActiveFirstAndLosesNothing() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of("policy", "delayed", "grace-seconds", "240"))) {
            HazelcastInstance survivor = cluster.member("a");
            HazelcastInstance leaving = cluster.member("b");
            HazelcastInstance crashed = cluster.member("c");
            await().atMost(TIMEOUT)
                    .until(() -> survivor.getCluster().getMembers().size() == 3);
            IMap<Integer, String> map = survivor.getMap(Members.MAP);
            IntStream.range(0, ENTRIES).forEach(i -> map.set(i, "v" + i));
            await().atMost(TIMEOUT)
                    .until(() -> cluster.hold()
                                    .filter(h -> h.isHold()
                                            && h.baseline().size() == 3
                                            && h.departures().isEmpty())
                                    .isPresent()
                            && state(survivor) == ClusterState.NO_MIGRATION
                            && survivor.getPartitionService().isClusterSafe());
            crashed.getLifecycleService().terminate();
            await().atMost(TIMEOUT).until(() -> cluster.hold()
                    .filter(h -> h.isHold() && h.departures().size() == 1)
                    .isPresent());
            assertThat(state(survivor)).isEqualTo(ClusterState.NO_MIGRATION);

            leaving.shutdown();

            await().atMost(TIMEOUT)
                    .until(() -> survivor.getCluster().getMembers().size() == 1);
            assertThat(map.size()).isEqualTo(ENTRIES);
            assertThat(cluster.decisions())
                    .anySatisfy(d -> assertThat(d.explanation()).contains("(member [b] is shutting down)"));
        }
    }
}
