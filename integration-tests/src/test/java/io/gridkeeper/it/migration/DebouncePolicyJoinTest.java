package io.gridkeeper.it.migration;

import static io.gridkeeper.it.migration.MigrationCluster.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridkeeper.migration.control.DecisionRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Scaling out by three members under the debounce policy costs one rebalance. */
final class DebouncePolicyJoinTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Test
    void threeJoins_oneRebalance() throws Exception {
        try (MigrationCluster cluster =
                new MigrationCluster(Map.of("policy", "debounce", "quiet-seconds", "8", "max-seconds", "120"))) {
            HazelcastInstance member = cluster.member("a");
            IMap<Integer, String> map = member.getMap(Members.MAP);
            IntStream.range(0, 1_000).forEach(i -> map.set(i, "v" + i));
            await().atMost(TIMEOUT)
                    .until(() -> state(member) == ClusterState.NO_MIGRATION
                            && cluster.hold().filter(h -> h.isHold()).isPresent());
            int before = cluster.decisions().size();

            cluster.member("b");
            cluster.member("c");
            cluster.member("d");

            await().atMost(TIMEOUT)
                    .until(() -> cluster.hold()
                                    .filter(h -> h.isHold()
                                            && h.baseline().size() == 4
                                            && h.arrivals().isEmpty())
                                    .isPresent()
                            && state(member) == ClusterState.NO_MIGRATION
                            && member.getPartitionService().isClusterSafe());
            List<DecisionRecord> after = cluster.decisionsAfter(before);
            assertThat(after)
                    .filteredOn(DecisionRecord::isRebalance)
                    .singleElement()
                    .satisfies(rebalance -> {
                        assertThat(rebalance.policy()).isEqualTo("debounce");
                        assertThat(rebalance.explanation()).contains("after [3] joins [b, c, d] [quiet-seconds=8]");
                    });
            assertThat(map.size()).isEqualTo(1_000);
        }
    }
}
